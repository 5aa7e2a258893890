package dev.newsmon.core.dedup;

import java.nio.ByteBuffer;

/** LEB128 variable-length integers for the compact state and sketch encodings. */
final class Varints {

    private Varints() {
    }

    static void putUnsigned(ByteBuffer b, long v) {
        while ((v & ~0x7FL) != 0) {
            b.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }

    static int getUnsigned(ByteBuffer b) {
        long v = getUnsignedLong(b);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("varint out of int range");
        }
        return (int) v;
    }

    static long getUnsignedLong(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b.get();
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    /** Zig-zag so that negative event times (before 1970) stay short too. */
    static void putSigned(ByteBuffer b, long v) {
        putUnsigned(b, (v << 1) ^ (v >> 63));
    }

    static long getSigned(ByteBuffer b) {
        long u = getUnsignedLong(b);
        return (u >>> 1) ^ -(u & 1);
    }
}
