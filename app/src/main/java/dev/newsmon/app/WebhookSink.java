package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to an HTTP endpoint: one POST of the alert JSON per alert, header {@code Idempotency-Key} =
 * alertId, retried with exponential backoff; the consumer offset is committed only after delivery, so delivery is
 * at-least-once (a receiver that honours the idempotency key sees each alert once).
 */
final class WebhookSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final HttpClient http;
    private final URI target;
    private final Map<String, String> headers;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Predicate<JsonNode> filter;
    private volatile boolean stopping;
    private long delivered;

    WebhookSink(Map<String, Object> clientConfig, String topic, String groupId, boolean fromBeginning, URI target,
            Map<String, String> headers, Duration initialBackoff, Duration maxBackoff, Predicate<JsonNode> filter) {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        cfg.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        this.consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.target = target;
        this.headers = Map.copyOf(headers);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.filter = filter;
    }

    /** Delivers until {@link #stop()}; returns the number of alerts delivered. */
    long run() throws InterruptedException {
        try {
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                        deliver(r);
                        if (stopping) {
                            return delivered;
                        }
                        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        }
        return delivered;
    }

    private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        JsonNode alert;
        try {
            alert = Json.mapper().readTree(record.value());
        } catch (IOException | RuntimeException e) {
            LOG.error("Skipping an unreadable alert record at {}/{}/{}", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (alert == null || !filter.test(alert)) {
            return;
        }
        String alertId = alert.path("alertId").asText(record.key());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alertId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(record.value()));
        headers.forEach(request::header);
        Duration backoff = initialBackoff;
        for (int attempt = 1; !stopping; attempt++) {
            String problem;
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    delivered++;
                    LOG.debug("Delivered alert {} (HTTP {}, attempt {})", alertId, status, attempt);
                    return;
                }
                problem = "HTTP " + status;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            LOG.warn("Delivery of alert {} to {} failed ({}, attempt {}); retrying in {} ms", alertId,
                    LoggedUrl.of(target), problem, attempt, backoff.toMillis());
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    long delivered() {
        return delivered;
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
