package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.core.json.Json;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook delivery against a local HTTP server: a failure that can pass is retried and delivered once; one that
 * cannot (4xx) or does not pass in time goes to the dead-letter topic, and the alerts behind it are still delivered.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class WebhookSinkIT {

    @Test
    void aFailedDeliveryIsRetriedAndEveryAlertIsDeliveredOnce(KafkaCluster kafka) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        String topic = alertsTopic(kafka, client, 2, "al-1", "al-2");
        List<String> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean fail = attempts.incrementAndGet() == 1;
            if (!fail) {
                assertThat(new String(body, StandardCharsets.UTF_8)).contains(key);
                accepted.add(key);
            }
            ex.sendResponseHeaders(fail ? 503 : 204, -1);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        String group = kafka.unique("hook");
        try {
            runSink(client, topic, group, url, () -> accepted.size() >= 2);
            assertThat(accepted).containsExactlyInAnyOrder("al-1", "al-2");
            assertThat(attempts.get()).isEqualTo(3);

            // Same consumer group again: offsets were committed after delivery, nothing is sent twice.
            runSink(client, topic, group, url, () -> {
                Thread.sleep(3000);
                return true;
            });
            assertThat(accepted).hasSize(2);
            assertThat(attempts.get()).isEqualTo(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedAlertGoesToTheDeadLetterTopicAndLaterAlertsAreStillDelivered(KafkaCluster kafka) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        String topic = alertsTopic(kafka, client, 1, "bad-request", "later-1", "flaky", "down", "later-2");
        List<String> accepted = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            ex.getRequestBody().readAllBytes();
            int n = attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            int status = switch (key) {
                case "bad-request" -> 400;
                case "flaky" -> n == 1 ? 429 : n == 2 ? 503 : 200;
                case "down" -> 500;
                default -> 204;
            };
            if (status < 300) {
                accepted.add(key);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        long t0 = System.nanoTime();
        try {
            WebhookSink sink = runSink(client, topic, kafka.unique("hook"), url, new WebhookSink.Policy(3,
                    Duration.ofMinutes(5), Duration.ofMillis(50), Duration.ofMillis(200)),
                    () -> accepted.contains("later-2"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(accepted).containsExactly("later-1", "flaky", "later-2");
            assertThat(attempts.get("bad-request")).as("a 400 is not retried").hasValue(1);
            assertThat(attempts.get("flaky")).hasValue(3);
            assertThat(attempts.get("down")).as("max attempts").hasValue(3);
            assertThat(sink.delivered()).isEqualTo(3);
            assertThat(sink.failed()).isEqualTo(2);
            assertThat(sink.retried()).isEqualTo(4);

            Map<String, JsonNode> dlq = new java.util.TreeMap<>();
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers(), "group.id", kafka.unique("dlq-reader"), "auto.offset.reset", "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(topic + ".webhook.dlq"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (dlq.size() < 2 && System.nanoTime() < deadline) {
                    for (var r : c.poll(Duration.ofMillis(500))) {
                        dlq.put(r.key(), Json.mapper().readTree(r.value()));
                    }
                }
            }
            assertThat(dlq).containsOnlyKeys("bad-request", "down");
            JsonNode bad = dlq.get("bad-request");
            assertThat(bad.get("status").asInt()).isEqualTo(400);
            assertThat(bad.get("attempts").asInt()).isEqualTo(1);
            assertThat(bad.get("reason").asText()).contains("HTTP 400").contains("permanent");
            assertThat(bad.get("alert").get("alertId").asText()).isEqualTo("bad-request");
            assertThat(dlq.get("down").get("status").asInt()).isEqualTo(500);
            assertThat(dlq.get("down").get("attempts").asInt()).isEqualTo(3);
            System.out.printf(java.util.Locale.ROOT, "RELIABILITY | webhook: 400 not retried, 500 given up after 3"
                    + " attempts, both in the DLQ with status and attempts; 429/503 retried and delivered; alerts"
                    + " behind them delivered; %d delivered, %d failed, %d retries in %.1f s%n", sink.delivered(),
                    sink.failed(), sink.retried(), seconds);
        } finally {
            server.stop(0);
        }
    }

    /** A new alerts topic holding one alert per id, in that order. */
    private static String alertsTopic(KafkaCluster kafka, Map<String, Object> client, int partitions, String... ids)
            throws Exception {
        String topic = kafka.unique("alerts");
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (String id : ids) {
                p.send(new ProducerRecord<>(topic, id, "{\"alertId\":\"" + id + "\",\"articleId\":\"a-" + id
                        + "\"}")).get();
            }
        }
        return topic;
    }

    private static void runSink(Map<String, Object> client, String topic, String group, URI url,
            java.util.concurrent.Callable<Boolean> done) throws Exception {
        runSink(client, topic, group, url, new WebhookSink.Policy(8, Duration.ofMinutes(5), Duration.ofMillis(100),
                Duration.ofSeconds(1)), done);
    }

    private static WebhookSink runSink(Map<String, Object> client, String topic, String group, URI url,
            WebhookSink.Policy policy, java.util.concurrent.Callable<Boolean> done) throws Exception {
        try (WebhookSink sink = new WebhookSink(client, topic, group, true, url, Map.of(), policy, topic + ".webhook.dlq",
                a -> true)) {
            Thread t = new Thread(() -> {
                try {
                    sink.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            await().atMost(Duration.ofSeconds(60)).until(done);
            sink.stop();
            t.join(10_000);
            return sink;
        }
    }
}
