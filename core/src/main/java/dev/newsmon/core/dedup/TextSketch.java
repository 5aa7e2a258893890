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
 *   <li>{@code bandBins}: the first {@value #BAND_BINS} bins of a {@value #BAND_SOURCE_BINS}-bin one-permutation
 *       MinHash, 16 bits each: the LSH bands are pairs of them;</li>
 *   <li>{@code lead}: {@value #LEAD_BINS} MinHash bins over the first shingles only, so that an excerpt that
 *       keeps the start of an article is found even when it is a small part of it;</li>
 *   <li>{@code signature}: a {@value #SIGNATURE_BINS}-bin one-permutation MinHash kept at {@value #SIGNATURE_BITS}
 *       bits a bin (b-bit MinHash, packed in {@value #SIGNATURE_BYTES} bytes; two different minima agree by
 *       chance once in 64), what a candidate is verified with;</li>
 *   <li>{@code features}: the smallest {@value #MAX_FEATURES} 16-bit hashes of the article's salient items
 *       (numbers, places, tagged entities, proper nouns); {@code featuresTruncated} when it had more.</li>
 * </ul>
 * Travels as one base64 string in JSON ({@link #toBase64()}); {@link #encode()} is the binary form.
 */
public final class TextSketch {

    /** Bins of the MinHash the LSH bands come from (its top 7 hash bits pick the bin). */
    public static final int BAND_SOURCE_BINS = 128;
    /** Bins of that MinHash a sketch carries: 16 bands of 2. */
    public static final int BAND_BINS = 32;
    public static final int LEAD_BINS = 4;
    public static final int SIGNATURE_BINS = 256;
    public static final int SIGNATURE_BITS = 6;
    public static final int SIGNATURE_BYTES = SIGNATURE_BINS * SIGNATURE_BITS / 8;
    public static final int MAX_FEATURES = 24;
    private static final int SIGNATURE_MASK = (1 << SIGNATURE_BITS) - 1;
    private static final double CHANCE_MATCH = 1.0 / (1 << SIGNATURE_BITS);
    private static final long LOWEST_BIT_OF_EACH_BIN = 0x041041041041L;
    /** Version 1 carried 128 16-bit bins and no b-bit signature. */
    private static final byte VERSION_1 = 1;
    private static final int VERSION_1_BINS = 128;
    private static final byte VERSION = 2;

    public static final TextSketch EMPTY = new TextSketch(0, new short[0], new short[0], new byte[0], new short[0],
            false);

    private final int shingles;
    private final short[] bandBins;
    private final short[] lead;
    private final byte[] signature;
    private final short[] features;
    private final boolean featuresTruncated;

    TextSketch(int shingles, short[] bandBins, short[] lead, byte[] signature, short[] features,
            boolean featuresTruncated) {
        if (bandBins.length != 0 && bandBins.length != BAND_BINS || lead.length != 0 && lead.length != LEAD_BINS
                || signature.length != 0 && signature.length != SIGNATURE_BYTES
                || bandBins.length == 0 != (signature.length == 0)) {
            throw new IllegalArgumentException("bad sketch shape");
        }
        this.shingles = shingles;
        this.bandBins = bandBins;
        this.lead = lead;
        this.signature = signature;
        this.features = features;
        this.featuresTruncated = featuresTruncated;
    }

    public int shingles() {
        return shingles;
    }

    /** True when there is nothing to compare near duplicates with (no text, or a version-1 sketch). */
    public boolean isEmpty() {
        return signature.length == 0;
    }

    /** Band bin {@code i} (0..{@value #BAND_BINS} - 1), 0..65535. */
    int bandBin(int i) {
        return bandBins[i] & 0xFFFF;
    }

    int leadBin(int i) {
        return lead[i] & 0xFFFF;
    }

    boolean hasLead() {
        return lead.length == LEAD_BINS;
    }

    /** The packed b-bit signature; callers must not modify it. */
    byte[] signature() {
        return signature;
    }

    /** The salient-feature hashes, sorted ascending as unsigned 16-bit values. */
    short[] features() {
        return features;
    }

    boolean featuresTruncated() {
        return featuresTruncated;
    }

    /** Packs one {@value #SIGNATURE_BITS}-bit value per bin: four bins in three bytes, big-endian. */
    static byte[] pack(int[] values) {
        byte[] out = new byte[SIGNATURE_BYTES];
        for (int g = 0, o = 0; g < SIGNATURE_BINS; g += 4, o += 3) {
            int word = (values[g] & SIGNATURE_MASK) << 18 | (values[g + 1] & SIGNATURE_MASK) << 12
                    | (values[g + 2] & SIGNATURE_MASK) << 6 | values[g + 3] & SIGNATURE_MASK;
            out[o] = (byte) (word >>> 16);
            out[o + 1] = (byte) (word >>> 8);
            out[o + 2] = (byte) word;
        }
        return out;
    }

    /**
     * Estimated Jaccard similarity of two texts from their packed signatures: the share of equal bins, corrected
     * for the 1/64 chance that two different minima agree on {@value #SIGNATURE_BITS} bits; 0 when either is
     * missing or malformed.
     */
    static double jaccard(byte[] a, byte[] b) {
        if (a.length != SIGNATURE_BYTES || b.length != SIGNATURE_BYTES) {
            return 0.0;
        }
        int differing = 0;
        for (int o = 0; o < SIGNATURE_BYTES; o += 6) {
            // Six bytes hold eight bins; OR-ing each bin's bits into its lowest bit marks the bins that differ.
            long x = 0;
            for (int k = 0; k < 6; k++) {
                x = x << 8 | (a[o + k] ^ b[o + k]) & 0xFF;
            }
            x |= x >>> 1 | x >>> 2;
            x |= x >>> 3;
            differing += Long.bitCount(x & LOWEST_BIT_OF_EACH_BIN);
        }
        return jaccardOfMatches(SIGNATURE_BINS - differing);
    }

    /** The Jaccard estimate for {@code matches} equal bins of {@value #SIGNATURE_BINS}; grows with matches. */
    static double jaccardOfMatches(int matches) {
        double p = matches / (double) SIGNATURE_BINS;
        return Math.max(0.0, (p - CHANCE_MATCH) / (1 - CHANCE_MATCH));
    }

    public byte[] encode() {
        int size = 1 + 5 + 1 + bandBins.length * 2 + lead.length * 2 + signature.length + 1 + features.length * 2;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        Varints.putUnsigned(b, shingles);
        int flags = (signature.length > 0 ? 1 : 0) | (lead.length > 0 ? 2 : 0) | (featuresTruncated ? 4 : 0);
        b.put((byte) flags);
        for (short s : bandBins) {
            b.putShort(s);
        }
        for (short s : lead) {
            b.putShort(s);
        }
        b.put(signature);
        b.put((byte) features.length);
        for (short s : features) {
            b.putShort(s);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Reads {@link #encode()}'s form; throws IllegalArgumentException on anything else. A version-1 sketch (from
     * before the b-bit signature) reads as one without a signature: its article is still matched by id, URL and
     * content hash, never as a near duplicate.
     */
    public static TextSketch decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte version = b.get();
            if (version != VERSION && version != VERSION_1) {
                throw new IllegalArgumentException("unknown text sketch version");
            }
            int shingles = Varints.getUnsigned(b);
            int flags = b.get();
            boolean signed = (flags & 1) != 0;
            short[] bands = new short[signed && version == VERSION ? BAND_BINS : 0];
            for (int i = 0; i < bands.length; i++) {
                bands[i] = b.getShort();
            }
            if (signed && version == VERSION_1) {
                b.position(b.position() + VERSION_1_BINS * 2);
            }
            short[] lead = new short[(flags & 2) != 0 ? LEAD_BINS : 0];
            for (int i = 0; i < lead.length; i++) {
                lead[i] = b.getShort();
            }
            byte[] sig = new byte[bands.length > 0 ? SIGNATURE_BYTES : 0];
            b.get(sig);
            int n = b.get() & 0xFF;
            if (n > MAX_FEATURES) {
                throw new IllegalArgumentException("too many features");
            }
            short[] features = new short[n];
            for (int i = 0; i < n; i++) {
                features[i] = b.getShort();
            }
            return new TextSketch(shingles, bands, sig.length > 0 ? lead : new short[0], sig, features,
                    (flags & 4) != 0);
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
                && Arrays.equals(t.bandBins, bandBins) && Arrays.equals(t.lead, lead)
                && Arrays.equals(t.signature, signature) && Arrays.equals(t.features, features);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * shingles + Arrays.hashCode(bandBins)) + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "TextSketch[shingles=" + shingles + ", features=" + features.length
                + (featuresTruncated ? "+" : "") + (isEmpty() ? ", empty" : "") + "]";
    }
}
