package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.run.NewsmonService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison records written straight to every topic the app reads (raw, watchlist, and its own sequencer repartition
 * topic), bypassing newsmon's producers: the app stays RUNNING on the same stream threads, raw garbage lands in
 * rejected with its topic/partition/offset, and the next good article is published and alerted.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class PoisonRecordsIT {

    private static final String GOOD = "{\"url\":\"https://east.example/after-poison\",\"title\":\"Port of Tobruk after"
            + " the storm\",\"body\":\"Ships returned to the port of Tobruk after the storm, officials said.\","
            + "\"publishedAt\":\"2024-04-09T07:00:00Z\"}";

    @Test
    void poisonOnEveryInputTopicNeverStopsTheApp(KafkaCluster kafka) throws Exception {
        long t0 = System.nanoTime();
        Topics topics = Topics.withPrefix(kafka.unique("poison"));
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 2, (short) 1);
        TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
        String appId = kafka.unique("poison-app");
        try (NewsmonService service = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(), appId,
                Files.createTempDirectory("newsmon-poison-"), 1, topics, Map.of()), TopologyConfig.defaults(topics));
                KafkaProducer<byte[], byte[]> producer = PipelineContract.producer(kafka)) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).isTrue();
            Set<String> threads = threadNames(service.streams());

            byte[] garbage = new byte[256];
            new Random(3).nextBytes(garbage);
            String raw = topics.raw();
            // Raw topic: no headers at all, as any other producer would write.
            producer.send(new ProducerRecord<>(raw, 0, null, garbage)).get();
            producer.send(new ProducerRecord<>(raw, 0, "k".getBytes(StandardCharsets.UTF_8), utf8("{not json"))).get();
            producer.send(new ProducerRecord<>(raw, 1, garbage, null)).get();
            // Raw topic: nonsense headers.
            RecordHeaders bad = new RecordHeaders();
            bad.add(RawHeaders.FORMAT, utf8("exe"));
            bad.add(RawHeaders.SEQ, utf8("minus eleven"));
            bad.add(RawHeaders.RUN, garbage);
            bad.add(RawHeaders.ORIGIN, new byte[] {(byte) 0xC3, 0x28, 0});
            producer.send(new ProducerRecord<>(raw, 1, null, null, utf8(GOOD), bad)).get();
            // Watchlist topic: garbage, broken JSON, wrong shapes, a name that normalizes to nothing.
            String wl = topics.watchlist();
            producer.send(new ProducerRecord<>(wl, utf8("junk"), garbage)).get();
            producer.send(new ProducerRecord<>(wl, utf8("broken"), utf8("{"))).get();
            producer.send(new ProducerRecord<>(wl, utf8("array"), utf8("[1,2,3]"))).get();
            producer.send(new ProducerRecord<>(wl, utf8("types"), utf8("{\"id\":5,\"names\":\"not a list\"}"))).get();
            producer.send(new ProducerRecord<>(wl, utf8("ghost"), utf8("{\"id\":\"ghost\",\"type\":\"ORG\","
                    + "\"names\":[\"\\u0640\\u064e\\u200b\"]}"))).get();
            producer.send(new ProducerRecord<>(wl, garbage, utf8("{\"id\":\"x\"}"))).get();
            // The app's own repartition topic: bytes that are not a sequenced item.
            producer.send(new ProducerRecord<>(appId + "-sequencer-repartition", 0, utf8(""), garbage)).get();
            producer.send(new ProducerRecord<>(appId + "-sequencer-repartition", 0, utf8(""), utf8("{\"run\":"))).get();
            Thread.sleep(1500);

            // The next good article, as a newsmon producer sends it.
            PipelineContract.send(producer, topics, UUID.randomUUID().toString(), 0, "after.jsonl:1", GOOD
                    .replace("after-poison", "after-poison-2"));
            producer.flush();

            // 4 raw poison records + 1 good one, 2 repartition poison records.
            Map<String, List<JsonNode>> out = PipelineContract.awaitOutputs(kafka, topics, 7);
            List<JsonNode> rejected = out.get(topics.rejected());
            rejected.forEach(r -> System.out.println("RELIABILITY | poison rejected " + r.get("origin").asText() + ": "
                    + r.get("reason").asText()));
            assertThat(rejected).extracting(r -> r.get("origin").asText())
                    .contains(raw + "/0/0", raw + "/0/1", raw + "/1/0")
                    .anyMatch(o -> o.startsWith(appId + "-sequencer-repartition/0/"));
            assertThat(rejected).filteredOn(r -> r.get("origin").asText().startsWith(appId))
                    .hasSize(2).allSatisfy(r -> assertThat(r.get("reason").asText()).startsWith("Internal error while"
                            + " reading the record"));
            assertThat(rejected).allSatisfy(r -> assertThat(r.get("reason").asText()).matches("[A-Z\"].{10,}"));
            assertThat(rejected).extracting(r -> r.get("reason").asText())
                    .contains("Unknown input format \"exe\" in header newsmon.format");
            assertThat(out.get(topics.articles())).extracting(a -> a.get("origin").asText()).contains("after.jsonl:1");
            assertThat(out.get(topics.alerts())).extracting(a -> a.get("matches").get(0).get("entityId").asText())
                    .contains("tobruk").doesNotContain("ghost");
            assertThat(out.get(topics.articles())).flatExtracting(a -> a.get("entities").findValuesAsText("id"))
                    .doesNotContain("ghost");
            assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(threadNames(service.streams())).as("no stream thread died and was replaced").isEqualTo(threads);
            System.out.printf(Locale.ROOT, "RELIABILITY | poison: 4 raw, 6 watchlist, 2 repartition poison records; "
                    + "%d rejected, app %s on the same threads, next article alerted; %.1f s%n", rejected.size(),
                    service.state(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static Set<String> threadNames(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toSet());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
