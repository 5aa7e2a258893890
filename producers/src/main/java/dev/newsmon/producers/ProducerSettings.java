package dev.newsmon.producers;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka producer configuration for the raw topic. Idempotent with {@code acks=all} (no duplicates or
 * reordering from retries), zstd compression (Arabic HTML compresses ~4-6x), 20 ms linger and 256 KiB batches for
 * throughput, and a generous delivery timeout so a broker restart is ridden out instead of failing the run.
 */
public final class ProducerSettings {

    public static final int LINGER_MS = 20;
    public static final int BATCH_SIZE = 256 * 1024;
    public static final int DELIVERY_TIMEOUT_MS = 300_000;
    public static final int REQUEST_TIMEOUT_MS = 30_000;
    /** How long {@code send()} may block while the topic's metadata is unknown (broker not reachable yet). */
    public static final int MAX_BLOCK_MS = 120_000;

    private ProducerSettings() {
    }

    /**
     * The producer properties; {@code extra} (security settings, client.id, overrides) is applied last and wins.
     *
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @param extra            any further client properties, may be empty
     */
    public static Properties properties(String bootstrapServers, Map<String, String> extra) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_SIZE));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(DELIVERY_TIMEOUT_MS));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(REQUEST_TIMEOUT_MS));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(MAX_BLOCK_MS));
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        if (extra != null) {
            extra.forEach(p::put);
        }
        return p;
    }
}
