package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupJournal;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The dedup journal on a changelogged store: slot (big-endian long, so the store's byte order is slot order) →
 * record. The only dedup state that is logged; the index over it is rebuilt in memory when the task starts.
 */
final class StoreJournal implements DedupJournal {

    private final KeyValueStore<Long, byte[]> store;

    StoreJournal(KeyValueStore<Long, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(long slot) {
        return store.get(slot);
    }

    @Override
    public void put(long slot, byte[] record) {
        store.put(slot, record);
    }

    @Override
    public void delete(long slot) {
        store.delete(slot);
    }

    @Override
    public void forEach(BiConsumer<Long, byte[]> action) {
        try (KeyValueIterator<Long, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, byte[]> e = it.next();
                action.accept(e.key, e.value);
            }
        }
    }
}
