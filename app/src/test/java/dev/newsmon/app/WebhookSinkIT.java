package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhook delivery against a local HTTP server that fails once: retried, delivered, and not sent again. */
@ExtendWith(EmbeddedKafkaExtension.class)
class WebhookSinkIT {

    @Test
    void aFailedDeliveryIsRetriedAndEveryAlertIsDeliveredOnce(KafkaCluster kafka) throws Exception {
        String topic = kafka.unique("alerts");
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, "al-1", "{\"alertId\":\"al-1\",\"articleId\":\"a1\"}")).get();
            p.send(new ProducerRecord<>(topic, "al-2", "{\"alertId\":\"al-2\",\"articleId\":\"a2\"}")).get();
        }
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

    private static void runSink(Map<String, Object> client, String topic, String group, URI url,
            java.util.concurrent.Callable<Boolean> done) throws Exception {
        try (WebhookSink sink = new WebhookSink(client, topic, group, true, url, Map.of(), Duration.ofMillis(100),
                Duration.ofSeconds(1), a -> true)) {
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
        }
    }
}
