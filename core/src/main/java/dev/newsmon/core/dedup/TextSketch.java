package dev.newsmon.core.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * What near-duplicate detection compares, computed once per article by {@link Fingerprinter}:
 * <ul>
 *   <li>{@code shingles}: how many distinct word 3-gram shingles the main text has (sizes turn a Jaccard
 *       estimate into containment);</li>
 *   <li>{@code signature}: one-permutation MinHash over those shingles, {@value #BINS} bins of 16 bits;</li>
 *   <li>{@code lead}: {@value #LEAD_BINS} MinHash bins over the first shingles only, so that an excerpt that
 *       keeps the start of an article is found even when it is a small part of it;</li>
 *   <li>{@code features}: the smallest {@value #MAX_FEATURES} 16-bit hashes of the article's salient items
 *       (numbers, places, tagged entities, proper nouns); {@code featuresTruncated} when it had more.</li>
 * </ul>
 * Travels as one base64 string in JSON ({@link #toBase64()}); {@link #encode()} is the binary form.
 */
public final class TextSketch {

    public static final int BINS = 128;
    public static final int LEAD_BINS = 4;
    public static final int MAX_FEATURES = 24;
    private static final byte VERSION = 1;

    public static final TextSketch EMPTY = new TextSketch(0, new short[0], new short[0], new short[0], false);

    private final int shingles;
    private final short[] signature;
    private final short[] lead;
    private final short[] features;
    private final boolean featuresTruncated;

    TextSketch(int shingles, short[] signature, short[] lead, short[] features, boolean featuresTruncated) {
        if (signature.length != 0 && signature.length != BINS || lead.length != 0 && lead.length != LEAD_BINS) {
            throw new IllegalArgumentException("bad sketch shape");
        }
        this.shingles = shingles;
        this.signature = signature;
        this.lead = lead;
        this.features = features;
        this.featuresTruncated = featuresTruncated;
    }

    public int shingles() {
        return shingles;
    }

    public boolean isEmpty() {
        return signature.length == 0;
    }

    /** Bin {@code i} of the MinHash signature, 0..65535. */
    int bin(int i) {
        return signature[i] & 0xFFFF;
    }

    int leadBin(int i) {
        return lead[i] & 0xFFFF;
    }

    boolean hasLead() {
        return lead.length == LEAD_BINS;
    }

    /** The salient-feature hashes, sorted ascending as unsigned 16-bit values. */
    short[] features() {
        return features;
    }

    boolean featuresTruncated() {
        return featuresTruncated;
    }

    public byte[] encode() {
        int size = 1 + 5 + 1 + signature.length * 2 + lead.length * 2 + 1 + features.length * 2;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        Varints.putUnsigned(b, shingles);
        int flags = (signature.length > 0 ? 1 : 0) | (lead.length > 0 ? 2 : 0) | (featuresTruncated ? 4 : 0);
        b.put((byte) flags);
        for (short s : signature) {
            b.putShort(s);
        }
        for (short s : lead) {
            b.putShort(s);
        }
        b.put((byte) features.length);
        for (short s : features) {
            b.putShort(s);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Reads {@link #encode()}'s form; throws IllegalArgumentException on anything else. */
    public static TextSketch decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != VERSION) {
                throw new IllegalArgumentException("unknown text sketch version");
            }
            int shingles = Varints.getUnsigned(b);
            int flags = b.get();
            short[] sig = new short[(flags & 1) != 0 ? BINS : 0];
            for (int i = 0; i < sig.length; i++) {
                sig[i] = b.getShort();
            }
            short[] lead = new short[(flags & 2) != 0 ? LEAD_BINS : 0];
            for (int i = 0; i < lead.length; i++) {
                lead[i] = b.getShort();
            }
            int n = b.get() & 0xFF;
            if (n > MAX_FEATURES) {
                throw new IllegalArgumentException("too many features");
            }
            short[] features = new short[n];
            for (int i = 0; i < n; i++) {
                features[i] = b.getShort();
            }
            return new TextSketch(shingles, sig, lead, features, (flags & 4) != 0);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated text sketch", e);
        }
    }

    @JsonValue
    public String toBase64() {
        return Base64.getEncoder().withoutPadding().encodeToString(encode());
    }

    @JsonCreator
    public static TextSketch fromBase64(String base64) {
        return base64 == null || base64.isEmpty() ? EMPTY : decode(Base64.getDecoder().decode(base64));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextSketch t && t.shingles == shingles && t.featuresTruncated == featuresTruncated
                && Arrays.equals(t.signature, signature) && Arrays.equals(t.lead, lead)
                && Arrays.equals(t.features, features);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * shingles + Arrays.hashCode(signature)) + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "TextSketch[shingles=" + shingles + ", features=" + features.length
                + (featuresTruncated ? "+" : "") + (isEmpty() ? ", empty" : "") + "]";
    }
}
