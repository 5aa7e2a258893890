package dev.newsmon.core.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the dedup engine needs to know about an article, computed once in the parallel stage
 * ({@link Fingerprinter}). Travels between stages as JSON (the sketch is one base64 string, about 380
 * characters) or, where a smaller record matters, as {@link #encode()} bytes (about 390 bytes).
 *
 * @param canonicalUrl null when the article had no usable URL
 * @param contentHash  {@link ContentHash} of the main text
 * @param eventTimeMs  publication time (event time), epoch millis
 * @param sketch       shingle MinHash and salient features of the main text; {@link TextSketch#EMPTY} when none
 */
public record DedupCandidate(String id, String canonicalUrl, String contentHash, long eventTimeMs,
        TextSketch sketch) {

    private static final byte VERSION = 1;

    @JsonCreator
    public DedupCandidate {
        Objects.requireNonNull(id, "id");
        sketch = sketch == null ? TextSketch.EMPTY : sketch;
    }

    /** A candidate matched by id, URL and content hash only (no near-duplicate detection). */
    public DedupCandidate(String id, String canonicalUrl, String contentHash, long eventTimeMs) {
        this(id, canonicalUrl, contentHash, eventTimeMs, TextSketch.EMPTY);
    }

    /** Compact binary form: version, the three strings (length-prefixed UTF-8), event time, sketch. */
    public byte[] encode() {
        byte[] sk = sketch.encode();
        byte[][] strings = {utf8(id), utf8(canonicalUrl), utf8(contentHash)};
        int size = 1 + 10 + 5 + sk.length;
        for (byte[] s : strings) {
            size += 5 + (s == null ? 0 : s.length);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        for (byte[] s : strings) {
            if (s == null) {
                Varints.putUnsigned(b, 0);
            } else {
                Varints.putUnsigned(b, s.length + 1L);
                b.put(s);
            }
        }
        Varints.putSigned(b, eventTimeMs);
        Varints.putUnsigned(b, sk.length);
        b.put(sk);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Reads {@link #encode()}'s form; throws IllegalArgumentException on anything else. */
    public static DedupCandidate decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != VERSION) {
                throw new IllegalArgumentException("unknown dedup candidate version");
            }
            String id = readString(b);
            String url = readString(b);
            String hash = readString(b);
            long time = Varints.getSigned(b);
            byte[] sk = new byte[Varints.getUnsigned(b)];
            b.get(sk);
            if (id == null) {
                throw new IllegalArgumentException("dedup candidate without id");
            }
            return new DedupCandidate(id, url, hash, time, TextSketch.decode(sk));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated dedup candidate", e);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String readString(ByteBuffer b) {
        int n = Varints.getUnsigned(b);
        if (n == 0) {
            return null;
        }
        byte[] s = new byte[n - 1];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
