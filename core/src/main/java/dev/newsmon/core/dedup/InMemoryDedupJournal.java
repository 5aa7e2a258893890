package dev.newsmon.core.dedup;

import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A {@link DedupJournal} in a sorted map: for tests, benchmarks and offline tools. */
public final class InMemoryDedupJournal implements DedupJournal {

    private final TreeMap<Long, byte[]> records = new TreeMap<>();

    @Override
    public byte[] get(long slot) {
        return records.get(slot);
    }

    @Override
    public void put(long slot, byte[] record) {
        records.put(slot, record);
    }

    @Override
    public void delete(long slot) {
        records.remove(slot);
    }

    @Override
    public void forEach(BiConsumer<Long, byte[]> action) {
        records.forEach(action);
    }

    public int size() {
        return records.size();
    }

    /** Bytes of the records (keys: 8 bytes each). */
    public long bytes() {
        return records.values().stream().mapToLong(r -> r.length + Long.BYTES).sum();
    }
}
