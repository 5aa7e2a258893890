package dev.newsmon.core.dedup;

/**
 * Where the dedup engine keeps what it has seen: a key-value map whose entries expire once they are older
 * (in event time) than the dedup horizon. The topology backs it with changelogged RocksDB stores; tests
 * use {@link InMemoryDedupState}.
 */
public interface DedupState {

    /** The value stored under {@code key}, or null when absent or expired. */
    byte[] get(String key);

    /** Stores {@code value} under {@code key}, stamped with the article's event time. */
    void put(String key, byte[] value, long eventTimeMs);
}
