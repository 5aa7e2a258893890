package dev.newsmon.core.dedup;

import java.util.HashMap;
import java.util.Map;

/** A {@link DedupState} in a HashMap, expiring entries older than the horizon behind the newest event time. */
public final class InMemoryDedupState implements DedupState {

    private record Entry(byte[] value, long eventTimeMs) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final long horizonMs;
    private long maxEventTimeMs = Long.MIN_VALUE;

    public InMemoryDedupState(long horizonMs) {
        this.horizonMs = horizonMs;
    }

    @Override
    public byte[] get(String key) {
        Entry e = entries.get(key);
        if (e == null || maxEventTimeMs != Long.MIN_VALUE && e.eventTimeMs < maxEventTimeMs - horizonMs) {
            return null;
        }
        return e.value;
    }

    @Override
    public void put(String key, byte[] value, long eventTimeMs) {
        maxEventTimeMs = Math.max(maxEventTimeMs, eventTimeMs);
        entries.put(key, new Entry(value, eventTimeMs));
    }

    public int size() {
        return entries.size();
    }
}
