package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupState;
import dev.newsmon.core.extract.RecurringLineState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An event-time-bounded key-value map on two changelogged RocksDB stores: the entries (value prefixed with its
 * event time) and a time index used to delete entries once they fall behind the horizon. "Now" is the newest event
 * time seen, kept in a store too, so expiry is a function of the input sequence alone (deterministic, restart-safe).
 * Backs both the dedup engine's state and the recurring-line statistics.
 */
final class HorizonStore implements DedupState, RecurringLineState {

    private static final long EXPIRE_EVERY_MS = 60 * 60 * 1000L;
    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<String, byte[]> entries;
    private final KeyValueStore<Bytes, byte[]> expiryIndex;
    private final KeyValueStore<String, Long> clock;
    private final String clockKey;
    private final long horizonMs;
    private long maxEventTime;
    private long lastExpiry;

    /** @param clockKey this map's entry in the shared {@code clock} store */
    HorizonStore(KeyValueStore<String, byte[]> entries, KeyValueStore<Bytes, byte[]> expiryIndex,
            KeyValueStore<String, Long> clock, String clockKey, long horizonMs) {
        this.entries = entries;
        this.expiryIndex = expiryIndex;
        this.clock = clock;
        this.clockKey = clockKey;
        this.horizonMs = horizonMs;
        Long saved = clock.get(clockKey);
        this.maxEventTime = saved == null ? Long.MIN_VALUE : saved;
        this.lastExpiry = this.maxEventTime;
    }

    /** Moves "now" forward to {@code eventTimeMs} (never back) and drops what fell behind the horizon. */
    void advanceTo(long eventTimeMs) {
        if (eventTimeMs <= maxEventTime) {
            return;
        }
        maxEventTime = eventTimeMs;
        clock.put(clockKey, maxEventTime);
        if (lastExpiry == Long.MIN_VALUE || maxEventTime - lastExpiry >= EXPIRE_EVERY_MS) {
            expire();
            lastExpiry = maxEventTime;
        }
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
        byte[] old = entries.get(key);
        if (old != null) {
            expiryIndex.delete(indexKey(ByteBuffer.wrap(old).getLong(), key));
        }
        long stamp = maxEventTime == Long.MIN_VALUE ? eventTimeMs : Math.max(eventTimeMs, maxEventTime);
        entries.put(key, ByteBuffer.allocate(Long.BYTES + value.length).putLong(stamp).put(value).array());
        expiryIndex.put(indexKey(stamp, key), EMPTY);
    }

    private boolean expired(long eventTime) {
        return maxEventTime != Long.MIN_VALUE && eventTime < maxEventTime - horizonMs;
    }

    private void expire() {
        if (maxEventTime == Long.MIN_VALUE) {
            return;
        }
        Bytes upTo = indexKey(maxEventTime - horizonMs, "");
        List<Bytes> dead = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = expiryIndex.range(indexKey(Long.MIN_VALUE, ""), upTo)) {
            while (it.hasNext()) {
                dead.add(it.next().key);
            }
        }
        for (Bytes k : dead) {
            expiryIndex.delete(k);
            String key = new String(k.get(), Long.BYTES, k.get().length - Long.BYTES, StandardCharsets.UTF_8);
            byte[] stored = entries.get(key);
            if (stored != null && expired(ByteBuffer.wrap(stored).getLong())) {
                entries.delete(key);
            }
        }
    }

    /** Big-endian time with the sign bit flipped, so byte order is time order, then the key. */
    static Bytes indexKey(long eventTime, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + k.length).putLong(eventTime ^ Long.MIN_VALUE).put(k).array());
    }

    static KeyValue<Long, String> decodeIndexKey(Bytes indexKey) {
        ByteBuffer buf = ByteBuffer.wrap(indexKey.get());
        long time = buf.getLong() ^ Long.MIN_VALUE;
        return KeyValue.pair(time, new String(indexKey.get(), Long.BYTES, indexKey.get().length - Long.BYTES,
                StandardCharsets.UTF_8));
    }
}
