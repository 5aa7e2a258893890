package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsmon.broker.EmbeddedKafkaBroker;
import dev.newsmon.core.ingest.RawHeaders;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest} while the broker goes away for longer than the stall warning threshold and comes back on the same
 * data: the idempotent producer retries, every unit is in the topic exactly once (one record per sequence number),
 * and the log says what is going on while it waits.
 */
class BrokerOutageIT {

    private static final int UNITS = 30_000;
    private static final Duration OUTAGE = Duration.ofSeconds(13);

    @TempDir
    Path tmp;

    @Test
    void ingestSurvivesABrokerOutageWithoutLossOrDuplicates() throws Exception {
        Path file = tmp.resolve("articles.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < UNITS; i++) {
                w.write(String.format(Locale.ROOT, "{\"id\":\"a-%d\",\"title\":\"Item %d\",\"body\":\"Body of item %d"
                        + " about the port.\"}%n", i, i, i));
            }
        }
        Logger publisherLog = (Logger) LoggerFactory.getLogger(RecordPublisher.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        publisherLog.addAppender(log);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(tmp.resolve("broker"), 0).start()) {
            String topic = "raw";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            }
            CountDownLatch backUp = new CountDownLatch(1);
            long[] stoppedAt = new long[2];
            // A third of the units before the outage, a third handed over while the broker is down, a third after.
            ProgressListener outage = (done, total) -> {
                if (done == UNITS / 3) {
                    broker.stop();
                    stoppedAt[0] = System.nanoTime();
                    CompletableFuture.runAsync(() -> {
                        sleep(OUTAGE);
                        broker.start();
                        stoppedAt[1] = System.nanoTime();
                        backUp.countDown();
                    });
                } else if (done == 2 * UNITS / 3) {
                    await(backUp);
                }
            };
            long t0 = System.nanoTime();
            IngestSummary summary = IngestJob.run(List.of(file.toString()),
                    IngestOptions.of(broker.bootstrapServers(), topic).withProgress(outage));
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(summary.failedSends()).isZero();
            assertThat(summary.sent()).isEqualTo(UNITS);
            Map<Long, Integer> perSeq = recordsPerSeq(broker.bootstrapServers(), topic);
            assertThat(perSeq).as("one record per unit").hasSize(UNITS);
            long duplicated = perSeq.values().stream().filter(n -> n > 1).count();
            assertThat(duplicated).as("units written twice").isZero();
            assertThat(perSeq.keySet()).allMatch(seq -> seq >= 0 && seq < UNITS);

            List<String> messages = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(messages).anyMatch(m -> m.startsWith("Waiting for Kafka at " + broker.bootstrapServers()))
                    .anyMatch(m -> m.contains("is answering again"));
            System.out.printf(Locale.ROOT, "RELIABILITY | broker outage during ingest: %d units, broker down %.1f s,"
                    + " %d in topic, %d duplicated, 0 failed; %.1f s in all; log: %s%n", UNITS,
                    (stoppedAt[1] - stoppedAt[0]) / 1e9, perSeq.size(), duplicated, seconds,
                    messages.stream().filter(m -> m.startsWith("Waiting")).findFirst().orElse(""));
        } finally {
            publisherLog.detachAppender(log);
        }
    }

    /** Reads the whole topic up to its end offsets (not up to an expected count, so extra copies show). */
    private static Map<Long, Integer> recordsPerSeq(String bootstrap, String topic) {
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<Long, Integer> perSeq = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(cfg, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    long seq = Long.parseLong(new String(r.headers().lastHeader(RawHeaders.SEQ).value(),
                            StandardCharsets.UTF_8));
                    perSeq.merge(seq, 1, Integer::sum);
                }
            }
        }
        return perSeq;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
