package dev.newsmon.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link WireWriter} wrote; throws IllegalArgumentException on truncated or malformed input. */
final class WireReader {

    private final byte[] buf;
    private int pos;

    /** True while bytes are left to read. */
    boolean hasRemaining() {
        return pos < buf.length;
    }

    WireReader(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    int readByte() {
        if (pos >= buf.length) {
            throw new IllegalArgumentException("truncated record");
        }
        return buf[pos++] & 0xFF;
    }

    long readUnsigned() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    int readCount() {
        long v = readUnsigned();
        if (v > buf.length) {
            throw new IllegalArgumentException("count out of range");
        }
        return (int) v;
    }

    long readSigned() {
        long v = readUnsigned();
        return (v >>> 1) ^ -(v & 1);
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    String readString() {
        int n = lengthPlusOne();
        if (n < 0) {
            return null;
        }
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    byte[] readBytes() {
        int n = lengthPlusOne();
        if (n < 0) {
            return null;
        }
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    private int lengthPlusOne() {
        long v = readUnsigned();
        if (v == 0) {
            return -1;
        }
        long n = v - 1;
        if (n > buf.length - pos) {
            throw new IllegalArgumentException("truncated record");
        }
        return (int) n;
    }
}
