package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.topology.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the output topics (read_committed, every partition, from the beginning) into memory, so {@code scan} can
 * tell when every input has been accounted for and then write the files.
 */
final class OutputCollector implements AutoCloseable {

    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private final Map<String, List<JsonNode>> records = new HashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private Thread thread;

    OutputCollector(Map<String, Object> clientConfig, Topics topics) {
        this.clientConfig = clientConfig;
        this.topics = topics;
        topics.outputTopics().forEach(t -> records.put(t, new ArrayList<>()));
    }

    OutputCollector start() {
        thread = new Thread(this::pollLoop, "newsmon-output-collector");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void pollLoop() {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.outputTopics()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode node = parse(r.value());
                    synchronized (records) {
                        records.get(r.topic()).add(node);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                failure.set(e);
            }
        }
    }

    private static JsonNode parse(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(new String(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    long count(String topic) {
        synchronized (records) {
            return records.get(topic).size();
        }
    }

    /** Inputs accounted for: articles + duplicates + rejected. */
    long accounted() {
        return topics.accountingTopics().stream().mapToLong(this::count).sum();
    }

    /**
     * Waits until {@code expected} inputs are accounted for. Fails when nothing moves for {@code idleTimeout}, or when
     * {@code stillHealthy} says the processor died.
     */
    void awaitAccounted(long expected, Duration idleTimeout, java.util.function.BooleanSupplier stillHealthy)
            throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            if (failure.get() != null) {
                throw new IllegalStateException("reading the output topics failed: " + failure.get().getMessage(),
                        failure.get());
            }
            long now = accounted();
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > idleTimeout.toNanos()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "only %d of %d inputs were processed and nothing moved for %d s", now, expected,
                        idleTimeout.toSeconds()));
            }
            if (!stillHealthy.getAsBoolean()) {
                throw new IllegalStateException("the stream processor stopped after " + now + " of " + expected
                        + " inputs");
            }
            Thread.sleep(50);
        }
    }

    Map<String, List<JsonNode>> snapshot() {
        synchronized (records) {
            Map<String, List<JsonNode>> copy = new HashMap<>();
            records.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(10_000);
        }
    }
}
