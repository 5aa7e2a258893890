package dev.newsmon.core.dedup;

import java.util.Arrays;

/**
 * A primitive open-addressing map from a 64-bit hash to the low 32 bits of a slot: the id, URL and content
 * aliases of {@link IndexedDedupState}. Entries whose slot has expired are not removed one by one; they are
 * dropped when the table fills up and is rebuilt, which is when it would otherwise have to grow.
 */
final class SlotMap {

    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] slots;
    private int used;
    private boolean hasZeroKey;
    private int zeroKeySlot;
    private final SlotLiveness liveness;

    SlotMap(SlotLiveness liveness) {
        this.liveness = liveness;
        this.keys = new long[1024];
        this.slots = new int[1024];
    }

    /** The slot (low 32 bits) stored under {@code key}, or -1L. */
    long get(long key) {
        if (key == EMPTY) {
            return hasZeroKey ? zeroKeySlot & 0xFFFFFFFFL : -1L;
        }
        int mask = keys.length - 1;
        for (int i = position(key, mask);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return slots[i] & 0xFFFFFFFFL;
            }
            if (k == EMPTY) {
                return -1L;
            }
        }
    }

    void put(long key, int slot) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroKeySlot = slot;
            return;
        }
        int mask = keys.length - 1;
        int i = position(key, mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            if ((used + 1) * 4L > keys.length * 3L) {
                rebuild();
                put(key, slot);
                return;
            }
            used++;
            keys[i] = key;
        }
        slots[i] = slot;
    }

    int size() {
        return used + (hasZeroKey ? 1 : 0);
    }

    long bytes() {
        return keys.length * (long) (Long.BYTES + Integer.BYTES);
    }

    /** Drops the entries of expired slots; doubles the table if it is still more than half full. */
    private void rebuild() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        int live = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && liveness.live(oldSlots[i])) {
                live++;
            }
        }
        int capacity = oldKeys.length;
        while ((live + 1) * 2L > capacity) {
            capacity *= 2;
        }
        keys = new long[capacity];
        slots = new int[capacity];
        used = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && liveness.live(oldSlots[i])) {
                int p = position(oldKeys[i], mask);
                while (keys[p] != EMPTY) {
                    p = (p + 1) & mask;
                }
                keys[p] = oldKeys[i];
                slots[p] = oldSlots[i];
                used++;
            }
        }
        if (hasZeroKey && !liveness.live(zeroKeySlot)) {
            hasZeroKey = false;
        }
    }

    private static int position(long key, int mask) {
        return (int) Words.mix(key) & mask;
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        used = 0;
        hasZeroKey = false;
    }
}
