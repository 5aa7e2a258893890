package dev.newsmon.core.dedup;

import dev.newsmon.core.extract.RecurringLineState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link DedupState} (and {@link RecurringLineState}) in a HashMap, expiring entries older than the horizon
 * behind the newest event time seen. Used by tests, benchmarks and offline tools; the topology uses RocksDB.
 */
public final class InMemoryDedupState implements DedupState, RecurringLineState {

    private static final int PURGE_EVERY_PUTS = 100_000;

    private record Entry(byte[] value, long eventTimeMs) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final long horizonMs;
    private long maxEventTimeMs = Long.MIN_VALUE;
    private int putsSincePurge;

    public InMemoryDedupState(long horizonMs) {
        this.horizonMs = horizonMs;
    }

    @Override
    public byte[] get(String key) {
        Entry e = entries.get(key);
        if (e == null || expired(e)) {
            return null;
        }
        return e.value;
    }

    @Override
    public void put(String key, byte[] value, long eventTimeMs) {
        maxEventTimeMs = Math.max(maxEventTimeMs, eventTimeMs);
        entries.put(key, new Entry(value, eventTimeMs));
        if (++putsSincePurge >= PURGE_EVERY_PUTS) {
            purgeExpired();
        }
    }

    /** Drops expired entries (they are already invisible to {@link #get}). */
    public void purgeExpired() {
        putsSincePurge = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (expired(it.next())) {
                it.remove();
            }
        }
    }

    private boolean expired(Entry e) {
        return maxEventTimeMs != Long.MIN_VALUE && e.eventTimeMs < maxEventTimeMs - horizonMs;
    }

    public int size() {
        return entries.size();
    }

    /** Key (UTF-8) plus value bytes of the live entries: the logical size a RocksDB store would hold. */
    public long bytes() {
        long total = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!expired(e.getValue())) {
                total += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().value.length;
            }
        }
        return total;
    }

    /** Live entries whose key starts with {@code prefix} (for tests and the bytes-per-article report). */
    public int count(String prefix) {
        int n = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!expired(e.getValue()) && e.getKey().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** The value sizes of live entries whose key starts with {@code prefix}, keys included. */
    public long bytes(String prefix) {
        long total = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!expired(e.getValue()) && e.getKey().startsWith(prefix)) {
                total += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().value.length;
            }
        }
        return total;
    }
}
