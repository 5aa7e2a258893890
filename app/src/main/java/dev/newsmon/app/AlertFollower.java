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
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints alerts as they are committed to the alerts topic, on its own thread, until closed. */
final class AlertFollower implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertFormatter formatter;
    private final PrintWriter out;
    private final Predicate<JsonNode> filter;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long printed;

    AlertFollower(Map<String, Object> clientConfig, String topic, boolean fromBeginning, AlertFormatter formatter,
            PrintWriter out, Predicate<JsonNode> filter) {
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
                        String s = formatter.format(alert);
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
