package dev.newsmon.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.topology.TopicPartitions;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts what becomes visible to a {@code read_committed} consumer on some topics, as a downstream consumer sees
 * it, and notes when records of probe articles (ids with a given prefix) appear: on the articles topic by key, on
 * the alerts topic by the alert's {@code articleId}.
 */
public final class OutputWatcher implements AutoCloseable {

    private final Map<String, Object> clientConfig;
    private final List<String> topics;
    private final String articlesTopic;
    private final String alertsTopic;
    private final String probePrefix;
    private final Map<String, AtomicLong> counts = new HashMap<>();
    private final Map<String, Long> probeArticleSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> probeAlertSeen = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private Thread thread;

    /**
     * @param articlesTopic the topic whose keys are article ids (null: none)
     * @param alertsTopic   the topic whose values are alerts with an {@code articleId} (null: none)
     */
    public OutputWatcher(Map<String, Object> clientConfig, List<String> topics, String articlesTopic,
            String alertsTopic, String probePrefix) {
        this.clientConfig = clientConfig;
        this.topics = List.copyOf(topics);
        this.articlesTopic = articlesTopic;
        this.alertsTopic = alertsTopic;
        this.probePrefix = probePrefix;
        topics.forEach(t -> counts.put(t, new AtomicLong()));
    }

    public OutputWatcher start() {
        thread = new Thread(this::pollLoop, "newsmon-bench-watcher");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void pollLoop() {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOfEveryTopic(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    counts.get(r.topic()).incrementAndGet();
                    if (r.topic().equals(articlesTopic) && r.key() != null && r.key().startsWith(probePrefix)) {
                        probeArticleSeen.putIfAbsent(r.key(), now);
                    } else if (r.topic().equals(alertsTopic)) {
                        String articleId = articleIdOf(r.value());
                        if (articleId != null && articleId.startsWith(probePrefix)) {
                            probeAlertSeen.putIfAbsent(articleId, now);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                failure.set(e);
            }
        }
    }

    /**
     * The partitions of all topics. A topic created a moment ago may not be in this client's metadata yet (and
     * assigning nothing makes poll() fail), so the lookup is repeated for a while, as on a loaded machine.
     */
    private List<TopicPartition> partitionsOfEveryTopic(KafkaConsumer<String, byte[]> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topics);
            long found = partitions.stream().map(TopicPartition::topic).distinct().count();
            if (found == topics.size() || stopping || System.nanoTime() > deadline) {
                return partitions;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return partitions;
            }
        }
    }

    private static String articleIdOf(byte[] alert) {
        try {
            JsonNode id = Json.mapper().readTree(alert).get("articleId");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    public long count(String topic) {
        return counts.get(topic).get();
    }

    public long total(List<String> someTopics) {
        return someTopics.stream().mapToLong(this::count).sum();
    }

    /** When the probe's article record became visible (epoch ms), or null. */
    public Long articleSeen(String probeId) {
        return probeArticleSeen.get(probeId);
    }

    /** When the probe's alert became visible (epoch ms), or null. */
    public Long alertSeen(String probeId) {
        return probeAlertSeen.get(probeId);
    }

    /**
     * Waits until {@code expected} records are visible on {@code someTopics}; returns when that happened (nanoTime),
     * or throws when nothing moved for {@code idleTimeout} or {@code healthy} turns false.
     */
    public long awaitTotal(List<String> someTopics, long expected, Duration idleTimeout, BooleanSupplier healthy)
            throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            if (failure.get() != null) {
                throw new IllegalStateException("reading " + topics + " failed: " + failure.get().getMessage(),
                        failure.get());
            }
            long now = total(someTopics);
            if (now >= expected) {
                return System.nanoTime();
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > idleTimeout.toNanos()) {
                throw new IllegalStateException("only " + now + " of " + expected + " records arrived on " + someTopics
                        + " and nothing moved for " + idleTimeout.toSeconds() + " s");
            }
            if (!healthy.getAsBoolean()) {
                throw new IllegalStateException("the stream processor stopped after " + now + " of " + expected
                        + " records");
            }
            Thread.sleep(5);
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
