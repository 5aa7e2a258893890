package dev.newsmon.core.dedup;

import java.util.function.BiConsumer;

/**
 * The durable part of an {@link IndexedDedupState}: one record per remembered article (and one per duplicate's
 * aliases) under a slot number that only grows. The topology backs it with a changelogged store; everything else
 * the dedup engine reads is derived from these records in memory and rebuilt from them after a restart.
 */
public interface DedupJournal {

    /** The record under {@code slot}, or null. */
    byte[] get(long slot);

    void put(long slot, byte[] record);

    void delete(long slot);

    /** Every record, in ascending slot order. */
    void forEach(BiConsumer<Long, byte[]> action);
}
