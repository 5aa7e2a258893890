package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.RawHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RecordPublisherTest {

    private static final UUID RUN = UUID.fromString("6f1c1d3e-1b7a-4c59-9a55-0d6f1f7d2a10");

    private static MockProducer<byte[], byte[]> mock(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static InputUnit unit(String origin, String error, String timeSource, String key, Instant t) {
        return new InputUnit(("{\"o\":\"" + origin + "\"}").getBytes(StandardCharsets.UTF_8), InputFormat.JSON,
                origin, error, t, timeSource, key);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsCarryHeadersSeqTimestampAndKey() {
        MockProducer<byte[], byte[]> producer = mock(true);
        Instant t1 = Instant.parse("2024-04-16T10:00:00Z");
        Instant t2 = Instant.parse("2024-05-01T12:00:00Z");
        try (RecordPublisher p = new RecordPublisher(producer, "articles.raw", RUN, "localhost:9092")) {
            assertThat(p.send(unit("a.jsonl:1", null, null, "id-1", t1))).isZero();
            assertThat(p.send(unit("a.jsonl:2", "The line is not valid UTF-8 text", "file-time", "a.jsonl:2", t2)))
                    .isEqualTo(1);
            p.flush();
        }

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).hasSize(2);
        ProducerRecord<byte[], byte[]> first = sent.get(0);
        assertThat(first.topic()).isEqualTo("articles.raw");
        assertThat(first.timestamp()).isEqualTo(t1.toEpochMilli());
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("id-1");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"o\":\"a.jsonl:1\"}");
        assertThat(header(first, RawHeaders.FORMAT)).isEqualTo("json");
        assertThat(header(first, RawHeaders.ORIGIN)).isEqualTo("a.jsonl:1");
        assertThat(header(first, RawHeaders.RUN)).isEqualTo(RUN.toString());
        assertThat(header(first, RawHeaders.SEQ)).isEqualTo("0");
        assertThat(header(first, RawHeaders.ERROR)).isNull();
        assertThat(header(first, RawHeaders.TIME_SOURCE)).isNull();

        ProducerRecord<byte[], byte[]> second = sent.get(1);
        assertThat(header(second, RawHeaders.SEQ)).isEqualTo("1");
        assertThat(header(second, RawHeaders.ERROR)).isEqualTo("The line is not valid UTF-8 text");
        assertThat(header(second, RawHeaders.TIME_SOURCE)).isEqualTo("file-time");
        assertThat(second.timestamp()).isEqualTo(t2.toEpochMilli());
    }

    @Test
    void datesBefore1970AreClampedToZeroBecauseKafkaRejectsNegativeTimestamps() {
        MockProducer<byte[], byte[]> producer = mock(true);
        try (RecordPublisher p = new RecordPublisher(producer, "raw", RUN, "b")) {
            p.send(unit("x", null, null, "x", Instant.parse("1900-01-01T00:00:00Z")));
        }
        assertThat(producer.history().get(0).timestamp()).isZero();
    }

    @Test
    void failuresAreCountedAndKeptButAPerRecordFailureDoesNotStopTheRun() {
        MockProducer<byte[], byte[]> producer = mock(false);
        Instant t = Instant.parse("2024-04-16T10:00:00Z");
        try (RecordPublisher p = new RecordPublisher(producer, "raw", RUN, "b")) {
            p.send(unit("a:1", null, null, "k1", t));
            p.send(unit("a:2", "bad", "file-time", "k2", t));
            p.send(unit("a:3", null, null, "k3", t));
            producer.completeNext();
            producer.errorNext(new RecordTooLargeException("the record is too large"));
            producer.completeNext();

            p.send(unit("a:4", null, null, "k4", t));
            producer.completeNext();

            RecordPublisher.Stats stats = p.stats();
            assertThat(stats.handed()).isEqualTo(4);
            assertThat(stats.ackedByFormat()).containsEntry("json", 3L);
            assertThat(stats.errorUnits()).isZero();
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.failures()).containsExactly("RecordTooLargeException: the record is too large");
        }
    }

    @Test
    void aFailureThatWouldRepeatStopsTheRunWithAClearMessage() {
        MockProducer<byte[], byte[]> producer = mock(false);
        Instant t = Instant.parse("2024-04-16T10:00:00Z");
        try (RecordPublisher p = new RecordPublisher(producer, "raw", RUN, "kafka-1:9092")) {
            p.send(unit("a:1", null, null, "k1", t));
            producer.errorNext(new TimeoutException("Topic raw not present in metadata after 120000 ms."));

            assertThatThrownBy(() -> p.send(unit("a:2", null, null, "k2", t)))
                    .isInstanceOf(PublishException.class)
                    .hasMessage("Kafka at kafka-1:9092 cannot take records for topic 'raw': timed out (Topic raw not"
                            + " present in metadata after 120000 ms.)");
            assertThat(p.sentCount()).as("the refused record used no sequence number").isEqualTo(1);
        }
    }

    @Test
    void aClearLineIsLoggedWhileKafkaDoesNotAnswerAndWhenItAnswersAgain() {
        Logger logger = (Logger) LoggerFactory.getLogger(RecordPublisher.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        AtomicLong now = new AtomicLong(1_000_000_000L);
        MockProducer<byte[], byte[]> producer = mock(false);
        try (RecordPublisher p = new RecordPublisher(producer, "raw", RUN, "kafka-1:9092", now::get,
                Duration.ofSeconds(10), Duration.ofMillis(5))) {
            p.send(unit("a:1", null, null, "k1", Instant.EPOCH));
            now.addAndGet(Duration.ofSeconds(11).toNanos());

            await().atMost(Duration.ofSeconds(5)).until(() -> logs.list.stream().anyMatch(e ->
                    e.getLevel() == Level.WARN && e.getFormattedMessage().startsWith(
                            "Waiting for Kafka at kafka-1:9092: 1 record(s) not acknowledged for 11 s")));

            producer.completeNext();
            await().atMost(Duration.ofSeconds(5)).until(() -> logs.list.stream().anyMatch(e ->
                    e.getLevel() == Level.INFO
                            && e.getFormattedMessage().equals("Kafka at kafka-1:9092 is answering again after 11 s")));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void producerPropertiesAreIdempotentCompressedBatchedAndOverridable() {
        var props = ProducerSettings.properties("broker:9092", java.util.Map.of(
                "security.protocol", "SASL_SSL", "linger.ms", "5"));

        assertThat(props).containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("compression.type", "zstd")
                .containsEntry("batch.size", "262144")
                .containsEntry("delivery.timeout.ms", "300000")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "5");
    }
}
