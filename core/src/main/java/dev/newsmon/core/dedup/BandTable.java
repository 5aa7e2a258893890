package dev.newsmon.core.dedup;

/**
 * One LSH band's buckets as a primitive open-addressing multimap: an entry is a 32-bit tag of the bucket key and
 * the low 32 bits of a member's slot; a bucket's members are the entries with its tag in its probe run. A bucket
 * keeps at most {@code cap} members: inserting drops its expired members and its oldest beyond the cap, which are
 * the members a lookup could never see again (slots expire oldest first, and only the newest {@code cap} live ones
 * are read). Removed entries become tombstones until the table is rebuilt.
 */
final class BandTable {

    private static final long EMPTY = 0L;
    /** Tag 0 is never used, so (tag 0, slot 1) cannot be an entry. */
    private static final long TOMBSTONE = 1L;

    private long[] entries = new long[1024];
    private int used;
    private final SlotLiveness slots;

    BandTable(SlotLiveness slots) {
        this.slots = slots;
    }

    /**
     * The 32-bit tag that stands for a bucket key: the table's position is derived from it too, so that the table
     * can be rebuilt from its entries. Two keys of one band with the same tag share a bucket (about once in 2^32
     * pairs): that only adds candidates, which are verified like any other.
     */
    static int tag(long bucketHash) {
        int t = (int) (Words.mix(bucketHash) >>> 32);
        return t == 0 ? 1 : t;
    }

    private static int home(int tag, int mask) {
        return (int) Words.mix(tag) & mask;
    }

    /**
     * Writes the newest {@code cap} live members of the bucket into {@code out} as full slot numbers, newest first;
     * returns how many.
     */
    int members(int tag, int cap, long[] out) {
        int mask = entries.length - 1;
        int n = 0;
        for (int i = home(tag, mask);; i = (i + 1) & mask) {
            long e = entries[i];
            if (e == EMPTY) {
                break;
            }
            if ((int) (e >>> 32) == tag && slots.live((int) e)) {
                n = insertNewestFirst(out, n, cap, slots.full((int) e));
            }
        }
        return n;
    }

    /** Keeps {@code out[0..n)} sorted newest first and at most {@code cap} long. */
    private static int insertNewestFirst(long[] out, int n, int cap, long slot) {
        int at = n;
        while (at > 0 && out[at - 1] < slot) {
            at--;
        }
        if (at >= cap) {
            return n;
        }
        int end = Math.min(n, cap - 1);
        System.arraycopy(out, at, out, at + 1, end - at);
        out[at] = slot;
        return end + 1;
    }

    /** Adds {@code slot} as the newest member of the bucket, dropping members it makes invisible for good. */
    void add(int tag, long slot, int cap, long[] scratch) {
        if ((used + 1) * 4L > entries.length * 3L) {
            rebuild();
        }
        int mask = entries.length - 1;
        // The members that stay visible: the newest cap - 1 live ones; the rest of the bucket is dropped.
        int kept = cap > 1 ? members(tag, cap - 1, scratch) : 0;
        long oldestKept = kept > 0 && kept == cap - 1 ? scratch[kept - 1] : cap > 1 ? Long.MIN_VALUE : Long.MAX_VALUE;
        int free = -1;
        int i = home(tag, mask);
        for (;; i = (i + 1) & mask) {
            long e = entries[i];
            if (e == EMPTY) {
                break;
            }
            if (e == TOMBSTONE) {
                free = free < 0 ? i : free;
            } else if ((int) (e >>> 32) == tag
                    && (!slots.live((int) e) || slots.full((int) e) < oldestKept)) {
                entries[i] = TOMBSTONE;
                free = free < 0 ? i : free;
            }
        }
        if (free < 0) {
            free = i;
            used++;
        }
        entries[free] = (long) tag << 32 | (slot & 0xFFFFFFFFL);
    }

    long bytes() {
        return entries.length * (long) Long.BYTES;
    }

    /** Drops tombstones and expired members; doubles the table if it is still more than half full. */
    private void rebuild() {
        long[] old = entries;
        int live = 0;
        for (long e : old) {
            if (e != EMPTY && e != TOMBSTONE && slots.live((int) e)) {
                live++;
            }
        }
        int capacity = old.length;
        while ((live + 1) * 2L > capacity) {
            capacity *= 2;
        }
        long[] fresh = new long[capacity];
        int mask = capacity - 1;
        int n = 0;
        // A bucket's order is by slot number, never by position, so where an entry lands does not matter.
        for (long e : old) {
            if (e != EMPTY && e != TOMBSTONE && slots.live((int) e)) {
                int p = home((int) (e >>> 32), mask);
                while (fresh[p] != EMPTY) {
                    p = (p + 1) & mask;
                }
                fresh[p] = e;
                n++;
            }
        }
        entries = fresh;
        used = n;
    }

}
