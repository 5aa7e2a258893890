package dev.newsmon.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all of this JVM's RocksDB stores: a shared block cache that also holds the index and filter
 * blocks and is charged for the write buffers (memtables). Without it every store gets its own 50 MB cache and up to
 * three 16 MB memtables, and the filter and index blocks of a large dedup state live outside any cache: native
 * memory that grows with the state and with the number of stores. Budget: {@value #MEMORY_MB_CONFIG} (MB, default
 * {@value #DEFAULT_MEMORY_MB}), read when the first store opens.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String MEMORY_MB_CONFIG = "newsmon.rocksdb.memory.mb";
    public static final long DEFAULT_MEMORY_MB = 128;
    /** Share of the budget the memtables may take. */
    private static final double WRITE_BUFFER_SHARE = 0.25;
    private static final long WRITE_BUFFER_BYTES = 8L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void init(Map<String, Object> configs) {
        if (cache != null) {
            return;
        }
        Object v = configs.get(MEMORY_MB_CONFIG);
        long mb = v == null ? DEFAULT_MEMORY_MB : Long.parseLong(v.toString().strip());
        long bytes = Math.max(16, mb) * 1024 * 1024;
        // Index and filter blocks go into the high-priority pool, so data blocks cannot push them out.
        cache = new LRUCache(bytes, -1, false, 0.2);
        writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        init(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed here.
    }
}
