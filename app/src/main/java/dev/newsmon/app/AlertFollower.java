package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.topology.TopicPartitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints records (alerts, rejections) as they are committed to a topic, on its own thread, until closed. */
final class AlertFollower implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<JsonNode, String> formatter;
    private final PrintWriter out;
    private final Predicate<JsonNode> filter;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long printed;
    private volatile Map<TopicPartition, Long> earlierEnd = Map.of();
    private volatile String earlierMarker = "";

    AlertFollower(Map<String, Object> clientConfig, String topic, boolean fromBeginning,
            Function<JsonNode, String> formatter, PrintWriter out, Predicate<JsonNode> filter) {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer());
        this.formatter = formatter;
        this.out = out;
        this.filter = filter;
        List<TopicPartition> partitions = TopicPartitions.of(consumer, topic);
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
        this.thread = new Thread(this::loop, "newsmon-alert-printer");
        this.thread.setDaemon(true);
    }

    /**
     * Marks the records that were already committed when this method is called (at the start of a demo that
     * continues an earlier one): their first line starts with {@code marker}. Call before {@link #start()}.
     *
     * @return how many such records there are (committed offsets, so transaction markers count too: an upper bound)
     */
    long markEarlier(String marker) {
        earlierMarker = marker;
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(consumer.assignment());
        earlierEnd = Map.copyOf(end);
        return end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
    }

    AlertFollower start() {
        thread.start();
        return this;
    }

    /** Runs on the calling thread until {@link #close()} (from another thread). */
    void runHere() {
        loop();
    }

    long printed() {
        return printed;
    }

    private void loop() {
        try {
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode alert = parse(r.value());
                    if (alert != null && filter.test(alert)) {
                        String s = formatter.apply(alert);
                        Long firstNew = earlierEnd.get(new TopicPartition(r.topic(), r.partition()));
                        if (firstNew != null && r.offset() < firstNew) {
                            s = earlierMarker + s;
                        }
                        synchronized (out) {
                            out.print(s.endsWith("\n") ? s : s + System.lineSeparator());
                            out.flush();
                        }
                        printed++;
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** An alert record as JSON, or null when the record is a tombstone or not JSON. */
    static JsonNode parse(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
