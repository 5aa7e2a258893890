package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.run.NewsmonService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The pipeline against a real broker: raw records in, articles / duplicates / alerts / rejected out, watchlist
 * changes applied live. Subclasses choose the broker (embedded, or a container when Docker exists).
 */
abstract class PipelineContract {

    static final String TOBRUK_AR = "{\"url\":\"https://east.example/tobruk-port\",\"title\":\"سفينة روسية ترسو في ميناء"
            + " طبرق\",\"body\":\"رست سفينة شحن روسية في ميناء طبرق صباح الثلاثاء، وفق مصادر في الميناء.\","
            + "\"publishedAt\":\"2024-04-09T07:00:00Z\"}";
    static final String HAFTAR_EN = "{\"url\":\"https://wire.example/haftar-%d\",\"title\":\"Haftar receives envoy %d\","
            + "\"body\":\"Khalifa Haftar received a foreign envoy in Benghazi, his office said (%d).\","
            + "\"publishedAt\":\"2024-04-1%dT07:00:00Z\"}";

    abstract KafkaCluster cluster();

    @Test
    void articlesFlowThroughAndWatchlistChangesApplyLive() throws Exception {
        KafkaCluster kafka = cluster();
        Topics topics = Topics.withPrefix(kafka.unique("it"));
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 3, (short) 1);
        TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
        Path state = Files.createTempDirectory("newsmon-it-");
        Properties props = StreamsSettings.properties(kafka.bootstrapServers(), kafka.unique("app"), state, 2, topics,
                Map.of());
        try (NewsmonService service = new NewsmonService(props, TopologyConfig.defaults(topics)
                .withSequencerGapTimeout(Duration.ofSeconds(5)));
                KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).isTrue();

            String run = UUID.randomUUID().toString();
            send(producer, topics, run, 0, "a.jsonl:1", TOBRUK_AR);
            send(producer, topics, run, 1, "a.jsonl:2", TOBRUK_AR.replace("https://east", "http://www.east"));
            send(producer, topics, run, 2, "a.jsonl:3", "{\"title\": \"broken");
            send(producer, topics, run, 3, "a.jsonl:4", String.format(HAFTAR_EN, 1, 1, 1, 1));
            producer.flush();

            Map<String, List<JsonNode>> out = awaitOutputs(kafka, topics, 4);
            assertThat(out.get(topics.articles())).extracting(n -> n.get("origin").asText())
                    .containsExactlyInAnyOrder("a.jsonl:1", "a.jsonl:4");
            assertThat(out.get(topics.duplicates())).singleElement()
                    .satisfies(d -> assertThat(d.get("method").asText()).isEqualTo("url"));
            assertThat(out.get(topics.rejected())).singleElement()
                    .satisfies(r -> assertThat(r.get("origin").asText()).isEqualTo("a.jsonl:3"));
            assertThat(out.get(topics.alerts())).singleElement()
                    .satisfies(a -> assertThat(a.get("matches").get(0).get("entityId").asText()).isEqualTo("tobruk"));

            // Track Haftar at runtime: the next article about him alerts, with no restart.
            TopicSetup.publishWatchlist(client, topics.watchlist(),
                    Watchlist.of(List.of(WatchlistEntry.of("khalifa-haftar"))));
            Thread.sleep(1500);
            send(producer, topics, run, 4, "a.jsonl:5", String.format(HAFTAR_EN, 2, 2, 2, 2));
            producer.flush();
            Map<String, List<JsonNode>> after = awaitOutputs(kafka, topics, 5);
            assertThat(after.get(topics.alerts())).hasSize(2);
            assertThat(after.get(topics.alerts()).stream().map(a -> a.get("matches").get(0).get("entityId").asText()))
                    .containsExactlyInAnyOrder("tobruk", "khalifa-haftar");
        }
    }

    static KafkaProducer<byte[], byte[]> producer(KafkaCluster kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<byte[], byte[]> producer, Topics topics, String run, long seq, String origin,
            String json) {
        RecordHeaders h = new RecordHeaders();
        h.add(RawHeaders.FORMAT, "json".getBytes(StandardCharsets.UTF_8));
        h.add(RawHeaders.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        h.add(RawHeaders.RUN, run.getBytes(StandardCharsets.UTF_8));
        h.add(RawHeaders.SEQ, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topics.raw(), null, Instant.now().toEpochMilli(),
                origin.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), h));
    }

    /** Reads every output topic (read_committed) until {@code inputs} inputs are accounted for. */
    static Map<String, List<JsonNode>> awaitOutputs(KafkaCluster kafka, Topics topics, int inputs) {
        Map<String, List<JsonNode>> out = new HashMap<>();
        topics.outputTopics().forEach(t -> out.put(t, new ArrayList<>()));
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String t : topics.outputTopics()) {
                c.partitionsFor(t).forEach(p -> tps.add(new TopicPartition(t, p.partition())));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.get(r.topic()).add(parse(r.value()));
                }
                return topics.accountingTopics().stream().mapToInt(t -> out.get(t).size()).sum() >= inputs;
            });
            // Alerts are committed in the same transaction as their article: nothing more to wait for.
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                out.get(r.topic()).add(parse(r.value()));
            }
        }
        return out;
    }

    private static JsonNode parse(byte[] v) {
        try {
            return Json.mapper().readTree(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
