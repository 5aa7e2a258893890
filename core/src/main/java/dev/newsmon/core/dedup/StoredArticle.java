package dev.newsmon.core.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the engine keeps about a unique article, under {@code a<ref>}: its id, event time and the part of its
 * sketch needed to verify a candidate. The signature is kept at 8 bits per bin (b-bit MinHash: a chance match
 * of 1/256 per bin, corrected for in {@link #jaccard}), half the candidate's 16 bits, to save state.
 */
record StoredArticle(String id, long eventTimeMs, int shingles, byte[] signature, short[] features,
        boolean featuresTruncated) {

    private static final byte VERSION = 1;

    static StoredArticle of(DedupCandidate c) {
        TextSketch s = c.sketch();
        byte[] sig = new byte[s.isEmpty() ? 0 : TextSketch.BINS];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (byte) s.bin(i);
        }
        return new StoredArticle(c.id(), c.eventTimeMs(), s.shingles(), sig, s.features(), s.featuresTruncated());
    }

    byte[] encode() {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 5 + idBytes.length + 10 + 5 + 1 + signature.length + 1
                + features.length * 2);
        b.put(VERSION);
        Varints.putUnsigned(b, idBytes.length);
        b.put(idBytes);
        Varints.putSigned(b, eventTimeMs);
        Varints.putUnsigned(b, shingles);
        b.put((byte) ((signature.length > 0 ? 1 : 0) | (featuresTruncated ? 2 : 0)));
        b.put(signature);
        b.put((byte) features.length);
        for (short f : features) {
            b.putShort(f);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** The record, or null when the bytes are not one (a corrupt entry is treated as absent). */
    static StoredArticle decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != VERSION) {
                return null;
            }
            byte[] idBytes = new byte[Varints.getUnsigned(b)];
            b.get(idBytes);
            long time = Varints.getSigned(b);
            int shingles = Varints.getUnsigned(b);
            int flags = b.get();
            byte[] sig = new byte[(flags & 1) != 0 ? TextSketch.BINS : 0];
            b.get(sig);
            short[] features = new short[b.get() & 0xFF];
            for (int i = 0; i < features.length; i++) {
                features[i] = b.getShort();
            }
            return new StoredArticle(new String(idBytes, StandardCharsets.UTF_8), time, shingles, sig, features,
                    (flags & 2) != 0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Estimated Jaccard similarity of the shingle sets, corrected for 8-bit chance matches. */
    double jaccard(TextSketch other) {
        if (signature.length == 0 || other.isEmpty()) {
            return 0.0;
        }
        int matches = 0;
        for (int i = 0; i < TextSketch.BINS; i++) {
            if (signature[i] == (byte) other.bin(i)) {
                matches++;
            }
        }
        double p = matches / (double) TextSketch.BINS;
        double chance = 1.0 / 256;
        return Math.max(0.0, (p - chance) / (1 - chance));
    }
}
