package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A restarted demo prints the alerts of its earlier runs marked [earlier], and new ones without the mark. */
@ExtendWith(EmbeddedKafkaExtension.class)
class EarlierAlertsIT {

    private static final String ALERT = "{\"alertId\":\"%s\",\"kind\":\"entity\",\"title\":\"%s\","
            + "\"publishedAt\":\"2024-04-0%dT07:00:00Z\",\"matches\":[]}";

    @Test
    void alertsFromBeforeTheStartAreMarked(KafkaCluster kafka) throws Exception {
        Topics topics = Topics.withPrefix(kafka.unique("earlier"));
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 2, (short) 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 1; i <= 2; i++) {
                producer.send(new ProducerRecord<>(topics.alerts(), "a" + i, ALERT.formatted("a" + i, "Old " + i, i))).get();
            }
            StringWriter out = new StringWriter();
            AlertFormatter text = new AlertFormatter(AlertFormatter.Format.TEXT, false);
            try (AlertFollower printer = new AlertFollower(client, topics.alerts(), true, text::format,
                    new PrintWriter(out, true), a -> true)) {
                assertThat(printer.markEarlier(DemoCommand.EARLIER_MARKER)).isEqualTo(2);
                printer.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> printer.printed() == 2);
                producer.send(new ProducerRecord<>(topics.alerts(), "a3", ALERT.formatted("a3", "New one", 3))).get();
                await().atMost(Duration.ofSeconds(30)).until(() -> printer.printed() == 3);
            }
            List<String> firstLines = out.toString().lines().filter(l -> l.contains("ALERT")).toList();
            assertThat(firstLines).hasSize(3);
            assertThat(firstLines.stream().filter(l -> l.startsWith("[earlier] ALERT"))).hasSize(2);
            assertThat(out.toString()).containsPattern("(?m)^ALERT .*\\n\\s+New one");
            assertThat(out.toString()).doesNotContainPattern("\\[earlier\\] ALERT .*\\n\\s+New one");
        }
    }
}
