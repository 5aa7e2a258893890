package dev.newsmon.topology;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties with production defaults; any other Kafka property passes through unchanged. */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /**
     * How the pipeline trades latency for throughput; the command chooses (docs/ARCHITECTURE.md). Decisions and
     * outputs do not depend on it, only when they become visible and what each article costs.
     */
    public enum Profile {
        /**
         * Live monitoring ({@code run}, {@code demo}): a transaction every 50 ms so an alert is visible within
         * ~100-250 ms of ingestion.
         */
        LATENCY(50, 10),
        /**
         * Archives ({@code scan}, replays into a processor started with it): a transaction per second and fuller
         * producer batches: fewer commits, transaction markers and requests per article, outputs visible up to
         * ~2 s later.
         */
        THROUGHPUT(1000, 50);

        final int commitIntervalMs;
        final int lingerMs;

        Profile(int commitIntervalMs, int lingerMs) {
            this.commitIntervalMs = commitIntervalMs;
            this.lingerMs = lingerMs;
        }
    }

    /** {@link #properties(String, String, Path, int, Topics, Map, Profile)} for live monitoring. */
    public static Properties properties(String bootstrapServers, String applicationId, Path stateDir, int threads,
            Topics topics, Map<String, String> overrides) {
        return properties(bootstrapServers, applicationId, stateDir, threads, topics, overrides, Profile.LATENCY);
    }

    /**
     * @param overrides any Kafka client or Streams property (security settings included), applied last
     */
    public static Properties properties(String bootstrapServers, String applicationId, Path stateDir, int threads,
            Topics topics, Map<String, String> overrides, Profile profile) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // -1: the broker's default.replication.factor, so one setting works for a laptop and for a cluster.
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
        p.put(RejectingExceptionHandler.REJECTED_TOPIC_CONFIG, topics.rejected());
        // Also guard the global (watchlist) thread: a poison watchlist record must not stop the app.
        p.put("processing.exception.handler.global.enabled", "true");
        // Under exactly-once an output is visible only after its task commits, and an input crosses two tasks
        // (analyze, then the sequenced stage): each hop waits on average half the commit interval. 50 ms keeps
        // ingest-to-alert well under 250 ms; a commit costs a few broker round trips, negligible at live rates.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(profile.commitIntervalMs));
        // All RocksDB stores of the process share one bounded block cache, which also holds the write buffers.
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), Integer.toString(profile.lingerMs));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Integer.toString(2 * 1024 * 1024));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "1000");
        p.putAll(overrides);
        return p;
    }
}
