package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Ingest and replay against the real embedded KRaft broker, read back with a plain consumer. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProducersIT {

    @TempDir
    Path dir;

    private static String topic(KafkaCluster cluster, int partitions) throws Exception {
        String topic = cluster.unique("raw");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaCluster cluster, String topic, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, cluster.unique("reader"));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long seq(ConsumerRecord<byte[], byte[]> r) {
        return Long.parseLong(header(r, RawHeaders.SEQ));
    }

    @Test
    void ingestAndReplayReachTheBrokerWithTheContractHeaders(KafkaCluster cluster) throws Exception {
        String topic = topic(cluster, 3);
        List<String> inputs = List.of(TestFiles.fixture("archive").toString(),
                TestFiles.fixture("feeds/rss2.xml").toString(), TestFiles.fixture("feeds/broken.xml").toString());
        IngestOptions options = IngestOptions.of(cluster.bootstrapServers(), topic);

        IngestSummary ingest = IngestJob.run(inputs, options);
        IngestSummary replay = ReplayJob.run(inputs, options,
                new ReplayOptions(ReplaySpeed.MAX, Duration.ofSeconds(5), dir));

        assertThat(ingest.ok()).isTrue();
        assertThat(replay.ok()).isTrue();
        long total = ingest.unitsRead() + replay.unitsRead();
        List<ConsumerRecord<byte[], byte[]>> records = readAll(cluster, topic, total);
        assertThat(records).hasSize((int) total);

        List<InputUnit> units = TestFiles.readAll(inputs.toArray(String[]::new));
        for (IngestSummary run : List.of(ingest, replay)) {
            List<ConsumerRecord<byte[], byte[]>> ofRun = records.stream()
                    .filter(r -> run.runId().toString().equals(header(r, RawHeaders.RUN)))
                    .sorted(Comparator.comparingLong(ProducersIT::seq)).toList();
            assertThat(ofRun).extracting(ProducersIT::seq)
                    .containsExactlyElementsOf(LongStream.range(0, units.size()).boxed().toList());
            assertThat(ofRun).extracting(r -> header(r, RawHeaders.ORIGIN))
                    .containsExactlyInAnyOrderElementsOf(units.stream().map(InputUnit::origin).toList());
            assertThat(ofRun).allSatisfy(r -> {
                InputUnit u = units.stream().filter(x -> x.origin().equals(header(r, RawHeaders.ORIGIN)))
                        .findFirst().orElseThrow();
                assertThat(r.value()).isEqualTo(u.payload());
                assertThat(r.timestamp()).isEqualTo(u.eventTime().toEpochMilli());
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(u.key());
                assertThat(header(r, RawHeaders.FORMAT)).isEqualTo(u.format().wireName());
                assertThat(header(r, RawHeaders.ERROR)).isEqualTo(u.error());
            });
        }
        List<ConsumerRecord<byte[], byte[]>> replayed = records.stream()
                .filter(r -> replay.runId().toString().equals(header(r, RawHeaders.RUN)))
                .sorted(Comparator.comparingLong(ProducersIT::seq)).toList();
        assertThat(replayed).extracting(ConsumerRecord::timestamp).isSorted();
    }

    @Test
    void aMissingBrokerStopsTheRunWithAClearMessage() {
        IngestOptions options = IngestOptions.of("127.0.0.1:9", "raw").withClientProperties(Map.of(
                "max.block.ms", "1500", "delivery.timeout.ms", "3000", "request.timeout.ms", "1000"));
        Path f = TestFiles.write(dir, "a.jsonl", "{\"title\":\"t\",\"body\":\"b\"}\n{\"title\":\"u\",\"body\":\"c\"}\n",
                java.time.Instant.parse("2024-01-01T00:00:00Z"));

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(PublishException.class,
                () -> IngestJob.run(List.of(f.toString()), options));

        // Either the second send sees the first failure, or flush reports it: both must be visible.
        if (thrown != null) {
            assertThat(thrown.getMessage()).startsWith("Kafka at 127.0.0.1:9 cannot take records for topic 'raw'");
            assertThat(thrown.summary().ok()).isFalse();
        } else {
            org.junit.jupiter.api.Assertions.fail("a run without a broker must not succeed silently");
        }
    }
}
