package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A compact, growable table of replay entries in primitive arrays: per unit 33 bytes (source 4, flags 1,
 * number 8, offset 8, length 4, event time 8) plus 8 bytes while sorting. Error messages, which are rare, are
 * kept in a map. Payloads are never held: they are re-read from their file (or the spill file) in order.
 */
final class ReplayIndex {

    static final int BYTES_PER_UNIT = 41;

    private static final int SEP_MASK = 0b11;
    private static final int FORMAT_SHIFT = 2;
    private static final int COMPACT = 1 << 4;
    private static final int SPILLED = 1 << 5;
    private static final InputFormat[] FORMATS = InputFormat.values();

    private int size;
    private int[] source = new int[1024];
    private byte[] flags = new byte[1024];
    private long[] number = new long[1024];
    private long[] offset = new long[1024];
    private int[] length = new int[1024];
    private long[] eventMillis = new long[1024];
    private final Map<Integer, String> errors = new HashMap<>();

    int size() {
        return size;
    }

    void add(int sourceIndex, Origin origin, InputFormat format, boolean compactJson, boolean spilled, long off,
            int len, long millis, String error) {
        if (size == Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a replay holds at most " + (Integer.MAX_VALUE - 8) + " units");
        }
        if (size == source.length) {
            int n = size + (size >> 1);
            source = Arrays.copyOf(source, n);
            flags = Arrays.copyOf(flags, n);
            number = Arrays.copyOf(number, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
            eventMillis = Arrays.copyOf(eventMillis, n);
        }
        int sep = switch (origin.separator()) {
            case Origin.LINE -> 1;
            case Origin.ITEM -> 2;
            default -> 0;
        };
        source[size] = sourceIndex;
        flags[size] = (byte) (sep | format.ordinal() << FORMAT_SHIFT | (compactJson ? COMPACT : 0)
                | (spilled ? SPILLED : 0));
        number[size] = origin.number();
        offset[size] = off;
        length[size] = len;
        eventMillis[size] = millis;
        if (error != null) {
            errors.put(size, error);
        }
        size++;
    }

    int source(int i) {
        return source[i];
    }

    Origin origin(int i, String base) {
        return switch (flags[i] & SEP_MASK) {
            case 1 -> Origin.line(base, number[i]);
            case 2 -> Origin.item(base, number[i]);
            default -> Origin.whole(base);
        };
    }

    InputFormat format(int i) {
        return FORMATS[(flags[i] >> FORMAT_SHIFT) & 0b11];
    }

    boolean compactJson(int i) {
        return (flags[i] & COMPACT) != 0;
    }

    boolean spilled(int i) {
        return (flags[i] & SPILLED) != 0;
    }

    long offset(int i) {
        return offset[i];
    }

    int length(int i) {
        return length[i];
    }

    long eventMillis(int i) {
        return eventMillis[i];
    }

    String error(int i) {
        return errors.get(i);
    }

    /** Entry indexes ordered by event time; equal times keep input order (a stable merge sort). */
    int[] order() {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        int[] tmp = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, size);
                if (eventMillis[a[mid - 1]] <= eventMillis[a[mid]]) {
                    continue;
                }
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = eventMillis[a[j]] < eventMillis[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    tmp[k++] = a[i++];
                }
                while (j < hi) {
                    tmp[k++] = a[j++];
                }
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }
}
