package dev.newsmon.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** How big a key-value store is: entries and key + value bytes (read through interactive queries), files on disk. */
public record StateSize(long entries, long logicalBytes) {

    public StateSize plus(StateSize other) {
        return new StateSize(entries + other.entries, logicalBytes + other.logicalBytes);
    }

    /** Every entry of a store with String, Long or Bytes keys and byte[] values, on this instance. */
    public static StateSize of(KafkaStreams streams, String store) {
        ReadOnlyKeyValueStore<Object, byte[]> kv = streams.store(StoreQueryParameters.fromNameAndType(store,
                QueryableStoreTypes.<Object, byte[]>keyValueStore()));
        long entries = 0;
        long bytes = 0;
        try (KeyValueIterator<Object, byte[]> it = kv.all()) {
            while (it.hasNext()) {
                var e = it.next();
                entries++;
                bytes += keyBytes(e.key) + (e.value == null ? 0 : e.value.length);
            }
        }
        return new StateSize(entries, bytes);
    }

    private static long keyBytes(Object key) {
        if (key instanceof Long) {
            return Long.BYTES;
        }
        if (key instanceof Bytes b) {
            return b.get().length;
        }
        if (key instanceof byte[] b) {
            return b.length;
        }
        return String.valueOf(key).getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bytes of the RocksDB directories named {@code store} under a Streams state directory (after close: flushed). */
    public static long onDisk(Path stateDir, String store) {
        if (!Files.isDirectory(stateDir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(stateDir)) {
            return paths.filter(p -> p.getFileName().toString().equals(store) && p.getParent() != null
                    && p.getParent().getFileName().toString().equals("rocksdb"))
                    .mapToLong(StateSize::directorySize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long directorySize(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
