package dev.newsmon.core.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The keys the engine writes into {@link DedupState}, short on purpose (they are stored once per entry):
 * one letter for the kind, then base64url of a 64-bit hash (11 characters) or of a 36-bit band hash (6: a band
 * holds two 16-bit bins, so 36 bits keep distinct bands apart all but once in 2^36).
 * Docs/DEDUP.md lists them with their values.
 */
final class StateKeys {

    static final char ARTICLE = 'a';
    static final char ID_ALIAS = 'i';
    static final char URL = 'u';
    static final char CONTENT = 'c';
    /** Band keys start with 'A' + band number. */
    static final char FIRST_BAND = 'A';

    private static final char[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private StateKeys() {
    }

    /** A stable 64-bit reference to a string (FNV-1a over UTF-8, then mixed); persisted, so never change it. */
    static long ref(String s) {
        long h = Words.FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * Words.FNV_PRIME;
        }
        return Words.mix(h);
    }

    static String key(char kind, long hash) {
        return key(kind, hash, 11);
    }

    static String band(int band, long hash) {
        return key((char) (FIRST_BAND + band), hash, 6);
    }

    private static String key(char kind, long hash, int chars) {
        char[] out = new char[chars + 1];
        out[0] = kind;
        for (int i = 0; i < chars; i++) {
            out[i + 1] = B64[(int) (hash >>> (6 * i)) & 63];
        }
        return new String(out);
    }

    /** The hash a key was made of ({@link #key(char, long)} or {@link #band(int, long)}), without its kind. */
    static long hashOf(String key) {
        long hash = 0;
        for (int i = 1; i < key.length(); i++) {
            hash |= (long) B64_INDEX[key.charAt(i) & 0x7F] << (6 * (i - 1));
        }
        return hash;
    }

    private static final byte[] B64_INDEX = new byte[128];

    static {
        for (int i = 0; i < B64.length; i++) {
            B64_INDEX[B64[i]] = (byte) i;
        }
    }

    static byte[] refBytes(long ref) {
        return ByteBuffer.allocate(8).putLong(ref).array();
    }

    /** The references in a bucket or alias value, oldest first; empty for a malformed value. */
    static long[] refs(byte[] value) {
        if (value == null || value.length % 8 != 0) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        long[] out = new long[value.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong();
        }
        return out;
    }

    static byte[] refsBytes(long[] refs, int from, int to) {
        ByteBuffer b = ByteBuffer.allocate((to - from) * 8);
        for (int i = from; i < to; i++) {
            b.putLong(refs[i]);
        }
        return b.array();
    }
}
