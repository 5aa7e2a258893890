package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.topology.TopicPartitions;
import dev.newsmon.topology.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    /**
     * Set once every input is accounted for: the poll loop then reads on until it has passed what was committed at
     * that moment on every output partition. The counted topics can be read ahead of the others (alerts, stories),
     * whose records of the same transactions would otherwise be missing from the snapshot.
     */
    private volatile boolean catchUpRequested;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
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
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topics.outputTopics());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> committedEnd = null;
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode node = parse(r.value());
                    synchronized (records) {
                        records.get(r.topic()).add(node);
                    }
                }
                if (catchUpRequested && !caughtUp.isDone()) {
                    if (committedEnd == null) {
                        // read_committed: the end offsets are the last stable offsets, committed records only.
                        committedEnd = consumer.endOffsets(partitions);
                    }
                    if (reached(consumer, committedEnd)) {
                        caughtUp.complete(null);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                failure.set(e);
                caughtUp.completeExceptionally(e);
            }
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
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
                awaitCaughtUp(idleTimeout);
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

    private void awaitCaughtUp(Duration timeout) throws InterruptedException {
        catchUpRequested = true;
        try {
            caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            RuntimeException cause = failure.get();
            throw new IllegalStateException("reading the output topics to their end failed"
                    + (cause != null ? ": " + cause.getMessage() : " within " + timeout.toSeconds() + " s"), cause);
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
