package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupState;
import dev.newsmon.core.extract.RecurringLineState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An event-time-bounded key-value map on a changelogged RocksDB store: each value is prefixed with its event time
 * (the stamp), and an entry is invisible once its stamp falls behind the horizon. "Now" is the newest event time
 * seen, kept in a store too, so what is visible is a function of the input sequence alone (deterministic,
 * restart-safe). Backs the dedup engine's state, the recurring-line statistics and the stories view.
 *
 * <p>Expired entries are deleted by a sweep that walks the store in key order a few entries per write, instead of
 * keeping a time index: an index costs a second write (and changelog record) for every entry, a read and a delete
 * for every update, which made it the single largest cost of the sequenced stage. Stamps only grow (a write is
 * stamped with "now"), so the sweep knows when nothing can have expired yet and then does nothing; when something
 * can, it examines {@value #EXAMINED_PER_WRITE} entries per write, so one pass over the store takes fewer writes
 * than the store has entries, and an expired entry lingers on disk for less than one horizon. When the deletion
 * happens never changes what {@link #get} returns.
 */
final class HorizonStore implements DedupState, RecurringLineState {

    /** Entries the sweep examines per write. */
    static final int EXAMINED_PER_WRITE = 4;
    /** Writes between two sweep steps: one iterator per step keeps the seek cost small per write. */
    static final int WRITES_PER_STEP = 64;

    private final KeyValueStore<String, byte[]> entries;
    private final KeyValueStore<String, Long> clock;
    private final String clockKey;
    private final long horizonMs;
    private long maxEventTime;

    /** Where the current sweep pass is (exclusive); null: at the start of the store. Not persisted. */
    private String sweepCursor;
    /** Smallest stamp seen by the current pass among the entries it kept. */
    private long passMinStamp = Long.MAX_VALUE;
    /**
     * No entry is stamped earlier than this (known after a full pass); MIN_VALUE: unknown (after a restart), so a
     * pass runs as soon as anything could be expired.
     */
    private long oldestStamp = Long.MIN_VALUE;
    private long passStartedAt;
    private int writesSinceStep;

    /** @param clockKey this map's entry in the shared {@code clock} store */
    HorizonStore(KeyValueStore<String, byte[]> entries, KeyValueStore<String, Long> clock, String clockKey,
            long horizonMs) {
        this.entries = entries;
        this.clock = clock;
        this.clockKey = clockKey;
        this.horizonMs = horizonMs;
        Long saved = clock.get(clockKey);
        this.maxEventTime = saved == null ? Long.MIN_VALUE : saved;
    }

    /** Moves "now" forward to {@code eventTimeMs} (never back). */
    void advanceTo(long eventTimeMs) {
        if (eventTimeMs <= maxEventTime) {
            return;
        }
        maxEventTime = eventTimeMs;
        clock.put(clockKey, maxEventTime);
    }

    @Override
    public byte[] get(String key) {
        byte[] stored = entries.get(key);
        if (stored == null) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(stored);
        long time = buf.getLong();
        if (expired(time)) {
            return null;
        }
        byte[] value = new byte[stored.length - Long.BYTES];
        buf.get(value);
        return value;
    }

    /**
     * Stores the value stamped with {@code max(eventTime, now)}: an article that arrives late (its event time already
     * behind the horizon) is still remembered for a full horizon from its arrival, so late copies of it among
     * themselves are still found.
     */
    @Override
    public void put(String key, byte[] value, long eventTimeMs) {
        long stamp = maxEventTime == Long.MIN_VALUE ? eventTimeMs : Math.max(eventTimeMs, maxEventTime);
        entries.put(key, ByteBuffer.allocate(Long.BYTES + value.length).putLong(stamp).put(value).array());
        if (++writesSinceStep >= WRITES_PER_STEP) {
            writesSinceStep = 0;
            sweepStep(WRITES_PER_STEP * EXAMINED_PER_WRITE);
        }
    }

    private boolean expired(long eventTime) {
        return maxEventTime != Long.MIN_VALUE && eventTime < maxEventTime - horizonMs;
    }

    /** Examines up to {@code budget} entries from the cursor on and deletes the expired ones. */
    void sweepStep(int budget) {
        if (maxEventTime == Long.MIN_VALUE) {
            return;
        }
        if (sweepCursor == null) {
            if (oldestStamp != Long.MIN_VALUE && !expired(oldestStamp)) {
                return;
            }
            passMinStamp = Long.MAX_VALUE;
            passStartedAt = maxEventTime;
        }
        List<String> dead = new ArrayList<>();
        String last = null;
        boolean reachedEnd = true;
        try (KeyValueIterator<String, byte[]> it = entries.range(sweepCursor, null)) {
            int examined = 0;
            while (it.hasNext()) {
                if (examined >= budget) {
                    reachedEnd = false;
                    break;
                }
                KeyValue<String, byte[]> e = it.next();
                if (e.key.equals(sweepCursor)) {
                    continue;
                }
                examined++;
                last = e.key;
                long stamp = e.value == null || e.value.length < Long.BYTES ? Long.MIN_VALUE
                        : ByteBuffer.wrap(e.value).getLong();
                if (expired(stamp)) {
                    dead.add(e.key);
                } else {
                    passMinStamp = Math.min(passMinStamp, stamp);
                }
            }
        }
        dead.forEach(entries::delete);
        if (reachedEnd) {
            // Entries written during the pass behind the cursor are stamped at least when the pass started.
            oldestStamp = Math.min(passMinStamp, passStartedAt);
            sweepCursor = null;
        } else {
            sweepCursor = last;
        }
    }
}
