package dev.newsmon.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with the primitives of newsmon's binary internal records (varints, UTF-8 strings). */
final class WireWriter {

    private byte[] buf;
    private int size;

    WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    WireWriter writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    WireWriter writeUnsigned(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** Zig-zag, so that small negative numbers stay short. */
    WireWriter writeSigned(long v) {
        return writeUnsigned((v << 1) ^ (v >> 63));
    }

    WireWriter writeBoolean(boolean v) {
        return writeByte(v ? 1 : 0);
    }

    /** Length + 1 (0 for null), then the UTF-8 bytes. */
    WireWriter writeString(String s) {
        if (s == null) {
            return writeUnsigned(0);
        }
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Length + 1 (0 for null), then the bytes. */
    WireWriter writeBytes(byte[] b) {
        if (b == null) {
            return writeUnsigned(0);
        }
        writeUnsigned(b.length + 1L);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
