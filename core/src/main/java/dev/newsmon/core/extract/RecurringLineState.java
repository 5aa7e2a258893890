package dev.newsmon.core.extract;

/**
 * Where {@link RecurringLineFilter} keeps its per-source line statistics: a key-value map whose entries expire
 * once they are older (in event time) than the configured horizon. Same contract as the dedup state; the
 * topology backs it with its own changelogged RocksDB store.
 */
public interface RecurringLineState {

    /** The value stored under {@code key}, or null when absent or expired. */
    byte[] get(String key);

    /** Stores {@code value} under {@code key}, stamped with the article's event time. */
    void put(String key, byte[] value, long eventTimeMs);
}
