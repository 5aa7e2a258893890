package dev.newsmon.core.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the engine keeps about a unique article, under {@code a<ref>}: its id, event time and the part of its
 * sketch needed to verify a candidate: the shingle count, the packed {@value TextSketch#SIGNATURE_BINS}-bin
 * b-bit signature ({@value TextSketch#SIGNATURE_BYTES} bytes) and the features. The band bins are not kept: the
 * bucket keys are made of them.
 */
record StoredArticle(String id, long eventTimeMs, int shingles, byte[] signature, short[] features,
        boolean featuresTruncated) {

    /** Version 1 (128 8-bit bins) is not read: such a record counts as absent and expires with its horizon. */
    private static final byte VERSION = 2;

    static StoredArticle of(DedupCandidate c) {
        TextSketch s = c.sketch();
        return new StoredArticle(c.id(), c.eventTimeMs(), s.shingles(), s.signature(), s.features(),
                s.featuresTruncated());
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
            byte[] sig = new byte[(flags & 1) != 0 ? TextSketch.SIGNATURE_BYTES : 0];
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

    /** Estimated Jaccard similarity of the shingle sets ({@link TextSketch#jaccard(byte[], byte[])}). */
    double jaccard(TextSketch other) {
        return TextSketch.jaccard(signature, other.signature());
    }
}
