package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.NewsmonService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code watchlist add ID --backfill SINCE} on a running pipeline: exactly the expected backfill alerts. */
@ExtendWith(EmbeddedKafkaExtension.class)
class BackfillIT {

    private static final String HAFTAR = "{\"id\":\"%s\",\"title\":\"%s\",\"body\":\"%s\",\"publishedAt\":\"%s\"}";

    @Test
    void backfillAlertsOnceForTheNewEntityOnly(KafkaCluster kafka) throws Exception {
        String prefix = kafka.unique("bf");
        Topics topics = Topics.withPrefix(prefix);
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 2, (short) 1);
        TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
        try (NewsmonService service = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(),
                kafka.unique("app"), Files.createTempDirectory("bf-"), 1, topics, Map.of()),
                TopologyConfig.defaults(topics));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).isTrue();
            String run = UUID.randomUUID().toString();
            send(producer, topics, run, 0, String.format(HAFTAR, "old", "Haftar in Cairo",
                    "Khalifa Haftar met officials in Cairo.", "2024-01-10T08:00:00Z"));
            send(producer, topics, run, 1, String.format(HAFTAR, "new", "حفتر يستقبل وفدا",
                    "استقبل المشير خليفة حفتر وفدا روسيا في بنغازي.", "2024-03-10T08:00:00Z"));
            send(producer, topics, run, 2, String.format(HAFTAR, "wagner-and-haftar", "Wagner and Haftar",
                    "Wagner Group fighters guard bases used by Khalifa Haftar.", "2024-03-12T08:00:00Z"));
            send(producer, topics, run, 3, String.format(HAFTAR, "nothing", "Grain prices",
                    "Wheat prices rose again.", "2024-03-13T08:00:00Z"));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts(kafka, prefix).size() == 1);

            CommandLine cli = Main.commandLine();
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            assertThat(cli.execute("watchlist", "add", "khalifa-haftar", "--backfill", "2024-03-01",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix)).isZero();
            assertThat(out.toString()).contains("backfill: 2 alerts");

            List<JsonNode> alerts = alerts(kafka, prefix);
            assertThat(alerts).hasSize(3);
            List<JsonNode> backfill = alerts.stream().filter(a -> a.get("backfill").asBoolean()).toList();
            assertThat(backfill).extracting(a -> a.get("articleId").asText())
                    .containsExactlyInAnyOrder("new", "wagner-and-haftar");
            assertThat(backfill).allSatisfy(a -> assertThat(a.get("matches").findValuesAsText("entityId"))
                    .containsExactly("khalifa-haftar"));

            // Live from now on: the next Haftar article alerts normally (not as backfill).
            send(producer, topics, run, 4, String.format(HAFTAR, "later", "Haftar again",
                    "Khalifa Haftar spoke to reporters.", "2024-03-20T08:00:00Z"));
            producer.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts(kafka, prefix).size() == 4);
            assertThat(alerts(kafka, prefix)).filteredOn(a -> a.get("articleId").asText().equals("later"))
                    .singleElement().satisfies(a -> assertThat(a.get("backfill").asBoolean()).isFalse());
        }
    }

    private static List<JsonNode> alerts(KafkaCluster kafka, String prefix) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.execute("alerts", "--format", "json", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix);
        return out.toString().lines().filter(l -> !l.isBlank()).map(l -> Json.read(l, JsonNode.class)).toList();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Topics topics, String run, long seq, String json) {
        RecordHeaders h = new RecordHeaders();
        h.add(RawHeaders.RUN, run.getBytes(StandardCharsets.UTF_8));
        h.add(RawHeaders.SEQ, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topics.raw(), null, Instant.now().toEpochMilli(), null,
                json.getBytes(StandardCharsets.UTF_8), h));
    }
}
