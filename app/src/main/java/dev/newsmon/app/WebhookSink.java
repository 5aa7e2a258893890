package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to an HTTP endpoint: one POST of the alert JSON per alert, header {@code Idempotency-Key} =
 * alertId. The consumer offset is committed only after the alert is settled, so delivery is at-least-once (a
 * receiver that honours the idempotency key sees each alert once).
 *
 * <p>Settled means delivered (2xx) or given up: a 4xx other than 408 and 429 is permanent (the request will not get
 * better by repeating it); 408, 429, 5xx, timeouts and connection errors are retried with exponential backoff (at
 * least {@code Retry-After} when the receiver sends one) until {@link Policy#maxAttempts()} attempts or
 * {@link Policy#maxAge()} since the first one. A given-up alert goes to the dead-letter topic with the reason, the
 * last status, the attempt count and the alert itself, and the next alert is delivered: one bad alert never blocks
 * the ones behind it. Counters {@code newsmon_webhook_{delivered,failed,retried}_total} are kept in Micrometer's
 * global registry and printed when the sink stops.
 */
final class WebhookSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    /**
     * @param maxAttempts     attempts per alert before it goes to the dead-letter topic (1: no retry)
     * @param maxAge          no new attempt starts this long after the first one
     * @param initialBackoff  wait before the second attempt; doubled each time up to {@code maxBackoff}
     */
    record Policy(int maxAttempts, Duration maxAge, Duration initialBackoff, Duration maxBackoff) {

        static final Policy DEFAULTS = new Policy(8, Duration.ofHours(1), Duration.ofMillis(500), Duration.ofMinutes(1));

        Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("webhook max attempts must be at least 1, not " + maxAttempts);
            }
        }
    }

    /** Where deliveries that were given up go; the record is the alert with why, when and how often it failed. */
    record DeadLetter(String reason, Integer status, int attempts, Instant firstAttemptAt, Instant lastAttemptAt,
            String target, String source, JsonNode alert) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> dlqProducer;
    private final String dlqTopic;
    private final HttpClient http;
    private final URI target;
    private final Map<String, String> headers;
    private final Policy policy;
    private final Predicate<JsonNode> filter;
    private final Counter deliveredCounter;
    private final Counter failedCounter;
    private final Counter retriedCounter;
    private volatile boolean stopping;
    private volatile long delivered;
    private volatile long failed;
    private volatile long retried;

    /**
     * @param fromBeginning where a consumer group without committed offsets starts: true the oldest alert still in
     *                      the topic, false only alerts that arrive from now on
     * @param dlqTopic      dead-letter topic (created when missing)
     */
    WebhookSink(Map<String, Object> clientConfig, String topic, String groupId, boolean fromBeginning, URI target,
            Map<String, String> headers, Policy policy, String dlqTopic, Predicate<JsonNode> filter) {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        cfg.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        // Retries of one alert may take up to maxAge: the group must not consider this consumer dead meanwhile.
        long pollInterval = Math.max(300_000L, policy.maxAge().plus(policy.maxBackoff()).plusMinutes(1).toMillis());
        cfg.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, pollInterval));
        ensureTopic(clientConfig, dlqTopic);
        Map<String, Object> producerCfg = new HashMap<>(clientConfig);
        producerCfg.put(ProducerConfig.ACKS_CONFIG, "all");
        producerCfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.dlqProducer = new KafkaProducer<>(producerCfg, new StringSerializer(), new ByteArraySerializer());
        this.dlqTopic = dlqTopic;
        this.consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.target = target;
        this.headers = Map.copyOf(headers);
        this.policy = policy;
        this.filter = filter;
        String url = LoggedUrl.of(target);
        this.deliveredCounter = Counter.builder("newsmon.webhook.delivered").description("alerts delivered (2xx)")
                .tag("target", url).register(Metrics.globalRegistry);
        this.failedCounter = Counter.builder("newsmon.webhook.failed")
                .description("alerts given up and written to the dead-letter topic").tag("target", url)
                .register(Metrics.globalRegistry);
        this.retriedCounter = Counter.builder("newsmon.webhook.retried").description("delivery attempts repeated")
                .tag("target", url).register(Metrics.globalRegistry);
    }

    /** Delivers until {@link #stop()}; returns the number of alerts delivered. */
    long run() throws InterruptedException {
        try {
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                        if (!settle(r)) {
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

    /** Delivers or dead-letters one alert; false when stopped before it was settled (it is not committed). */
    private boolean settle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        JsonNode alert;
        try {
            alert = Json.mapper().readTree(record.value());
        } catch (IOException | RuntimeException e) {
            alert = null;
        }
        String source = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (alert == null || !alert.isObject()) {
            LOG.error("An alert record at {} is not a JSON object; it goes to {}", source, dlqTopic);
            deadLetter(record.key(), new DeadLetter("the alert record is not a JSON object", null, 0, null, null,
                    LoggedUrl.of(target), source, Json.mapper().getNodeFactory().textNode(
                            record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8))));
            return true;
        }
        if (!filter.test(alert)) {
            return true;
        }
        String alertId = alert.path("alertId").asText(record.key());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alertId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(record.value()));
        headers.forEach(request::header);
        Instant first = Instant.now();
        Duration backoff = policy.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                return false;
            }
            Attempt result = attempt(request.build());
            if (result.delivered()) {
                delivered++;
                deliveredCounter.increment();
                LOG.debug("Delivered alert {} (HTTP {}, attempt {})", alertId, result.status(), attempt);
                return true;
            }
            Duration wait = result.retryAfter() != null && result.retryAfter().compareTo(backoff) > 0
                    ? min(result.retryAfter(), policy.maxBackoff()) : backoff;
            String giveUp = !result.retriable() ? "permanent failure"
                    : attempt >= policy.maxAttempts() ? "no success in " + attempt + " attempts"
                    : Duration.between(first, Instant.now().plus(wait)).compareTo(policy.maxAge()) > 0
                            ? "no success within " + policy.maxAge() : null;
            if (giveUp != null) {
                failed++;
                failedCounter.increment();
                LOG.error("Delivery of alert {} to {} failed ({}; {}); it goes to {}", alertId, LoggedUrl.of(target),
                        result.problem(), giveUp, dlqTopic);
                deadLetter(alertId, new DeadLetter(result.problem() + " (" + giveUp + ")", result.status(), attempt,
                        first, Instant.now(), LoggedUrl.of(target), source, alert));
                return true;
            }
            LOG.warn("Delivery of alert {} to {} failed ({}, attempt {}); retrying in {} ms", alertId,
                    LoggedUrl.of(target), result.problem(), attempt, wait.toMillis());
            retried++;
            retriedCounter.increment();
            Thread.sleep(wait.toMillis());
            backoff = min(backoff.multipliedBy(2), policy.maxBackoff());
        }
    }

    /** One HTTP attempt: delivered, or why not and whether trying again can help. */
    private record Attempt(boolean delivered, boolean retriable, Integer status, String problem, Duration retryAfter) {
    }

    private Attempt attempt(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, false, status, null, null);
            }
            // 4xx: the receiver refuses this request as it is, except "too slow" (408) and "too many" (429).
            boolean retriable = status >= 500 || status == 408 || status == 429;
            Duration retryAfter = response.headers().firstValue("Retry-After").map(WebhookSink::seconds).orElse(null);
            return new Attempt(false, retriable, status, "HTTP " + status, retryAfter);
        } catch (IOException e) {
            return new Attempt(false, true, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        }
    }

    private void deadLetter(String key, DeadLetter letter) {
        try {
            dlqProducer.send(new ProducerRecord<>(dlqTopic, key, Json.writeBytes(letter))).get();
        } catch (ExecutionException e) {
            // Not committed: the alert is tried again after a restart rather than lost.
            throw new IllegalStateException("cannot write to the dead-letter topic " + dlqTopic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the dead-letter topic " + dlqTopic, e);
        }
    }

    private static void ensureTopic(Map<String, Object> clientConfig, String topic) {
        try (Admin admin = Admin.create(clientConfig)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Cannot create the dead-letter topic {}: {}", topic, e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the backoff applies
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }

    long delivered() {
        return delivered;
    }

    /** Alerts given up and written to the dead-letter topic. */
    long failed() {
        return failed;
    }

    /** Delivery attempts repeated after a failure. */
    long retried() {
        return retried;
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        dlqProducer.close(Duration.ofSeconds(5));
        Metrics.globalRegistry.remove(deliveredCounter);
        Metrics.globalRegistry.remove(failedCounter);
        Metrics.globalRegistry.remove(retriedCounter);
    }
}
