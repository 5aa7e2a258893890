package dev.newsmon.core.dedup;

/**
 * Where the dedup engine keeps what it has seen: a key-value map whose entries expire once they are older
 * (in event time) than the dedup horizon. The topology backs it with {@link IndexedDedupState} (one journal record
 * per decision, the rest derived in memory); tests use {@link InMemoryDedupState}.
 */
public interface DedupState {

    /** The value stored under {@code key}, or null when absent or expired. */
    byte[] get(String key);

    /** Stores {@code value} under {@code key}, stamped with the article's event time. */
    void put(String key, byte[] value, long eventTimeMs);

    /** Called after the writes of each decision: a state that batches them writes them out here. */
    default void flush() {
    }

    /**
     * True when the state keeps the LSH buckets' membership itself (the newest {@link DedupConfig#bucketCap()}
     * live members): the engine then writes only the new member under each bucket key, not the whole list.
     */
    default boolean keepsBuckets() {
        return false;
    }

    /**
     * A bound on how similar the stored article {@code articleRef} can be to {@code sketch}, from a summary kept in
     * memory; null when the state has none (the engine then reads the record). Lets the engine skip candidates that
     * cannot be near duplicates without reading them.
     */
    default NearBound nearBound(long articleRef, TextSketch sketch) {
        return null;
    }
}
