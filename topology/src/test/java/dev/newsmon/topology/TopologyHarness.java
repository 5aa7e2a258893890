package dev.newsmon.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A TopologyTestDriver around the real topology, with helpers to send raw records and read outputs as JSON. */
final class TopologyHarness implements AutoCloseable {

    final Topics topics = Topics.DEFAULT;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> raw;
    private final TestInputTopic<String, String> watchlist;
    private final Path stateDir;
    private final String run = UUID.randomUUID().toString();
    private long seq;

    TopologyHarness() {
        this(TopologyConfig.defaults(Topics.DEFAULT).withSequencerGapTimeout(Duration.ofSeconds(30)));
    }

    TopologyHarness(TopologyConfig config) {
        try {
            stateDir = Files.createTempDirectory("newsmon-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TopologyConfig fastWatchlist = config.withWatchlistRefresh(Duration.ZERO);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ttd-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // As in production: a record that makes a processor throw becomes a rejection, the run goes on.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingExceptionHandler.class.getName());
        driver = new TopologyTestDriver(NewsmonTopology.build(fastWatchlist), props, Instant.parse("2025-01-01T00:00:00Z"));
        raw = driver.createInputTopic(topics.raw(), new ByteArraySerializer(), new ByteArraySerializer());
        watchlist = driver.createInputTopic(topics.watchlist(), new StringSerializer(), new StringSerializer());
    }

    void track(String entityId) {
        watchlist.pipeInput(entityId, "{\"id\":\"" + entityId + "\"}");
    }

    void trackJson(String entityId, String json) {
        watchlist.pipeInput(entityId, json);
    }

    void untrack(String entityId) {
        watchlist.pipeInput(entityId, (String) null);
    }

    /** Sends one raw record as the next of this harness's producer run. */
    void send(String format, String origin, String payload) {
        send(format, origin, payload, seq++);
    }

    void send(String format, String origin, String payload, long sequence) {
        RecordHeaders headers = new RecordHeaders();
        if (format != null) {
            headers.add(RawHeaders.FORMAT, format.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(RawHeaders.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        headers.add(RawHeaders.RUN, run.getBytes(StandardCharsets.UTF_8));
        headers.add(RawHeaders.SEQ, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>(null, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                headers, Instant.now()));
    }

    /** Sends one raw record as item {@code sequence} of producer run {@code runId}. */
    void sendAs(String runId, long sequence, String origin, String payload) {
        sendAs(runId, sequence, origin, payload, Instant.now());
    }

    /** Like {@link #sendAs(String, long, String, String)} with the given record timestamp. */
    void sendAs(String runId, long sequence, String origin, String payload, Instant timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawHeaders.FORMAT, "json".getBytes(StandardCharsets.UTF_8));
        headers.add(RawHeaders.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        headers.add(RawHeaders.RUN, runId.getBytes(StandardCharsets.UTF_8));
        headers.add(RawHeaders.SEQ, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>(null, payload.getBytes(StandardCharsets.UTF_8), headers, timestamp));
    }

    void sendBare(byte[] payload) {
        raw.pipeInput(new TestRecord<>(null, payload, new RecordHeaders(), Instant.now()));
    }

    <K, V> org.apache.kafka.streams.state.KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    void advanceWallClock(Duration d) {
        driver.advanceWallClockTime(d);
    }

    List<JsonNode> read(String topic) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<JsonNode> nodes = new ArrayList<>();
        for (byte[] v : out.readValuesToList()) {
            try {
                nodes.add(Json.mapper().readTree(v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return nodes;
    }

    @Override
    public void close() {
        driver.close();
    }
}
