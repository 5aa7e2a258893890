package dev.newsmon.core.dedup;

import java.util.Arrays;

/** A small open-addressing set of longs (no boxing); 0 is stored out of band. */
final class LongSet {

    private long[] slots;
    private int size;
    private boolean hasZero;

    LongSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[cap];
    }

    /** Adds {@code v}; true when it was not there yet. */
    boolean add(long v) {
        if (v == 0L) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) Words.mix(v) & mask;
        while (slots[i] != 0L) {
            if (slots[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = v;
        size++;
        return true;
    }

    boolean contains(long v) {
        if (v == 0L) {
            return hasZero;
        }
        int mask = slots.length - 1;
        int i = (int) Words.mix(v) & mask;
        while (slots[i] != 0L) {
            if (slots[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int kept = hasZero ? 1 : 0;
        size = 0;
        for (long v : old) {
            if (v != 0L) {
                add(v);
            }
        }
        size += kept;
        Arrays.fill(old, 0L);
    }
}
