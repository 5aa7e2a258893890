package dev.newsmon.bench.pipeline;

import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.producers.InputUnit;
import dev.newsmon.producers.synthetic.SyntheticArchive;
import dev.newsmon.topology.NewsmonTopology;
import dev.newsmon.topology.OrderedLaneMeter;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * newsmon's own cost per article, without a broker: the whole topology (parse, extract, tag, fingerprint, the
 * sequencer repartition with its serde, sequencer, dedup, stories and alert stages on RocksDB stores, output JSON)
 * on {@link TopologyTestDriver}, fed with the synthetic archive of {@code newsmon bench}. Each invocation pipes a
 * batch of new articles (the archive never repeats), so the dedup state grows as in a real run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TopologyBenchmark {

    static final int BATCH = 200;

    @Param({"5"})
    public int articleKb;

    private SyntheticArchive archive;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private List<TestOutputTopic<String, byte[]>> outputs;
    private Path stateDir;
    private final byte[] run = "bench-run".getBytes(StandardCharsets.UTF_8);
    private long seq;
    private final List<InputUnit> batch = new ArrayList<>(BATCH);

    @Setup
    public void setUp() throws IOException {
        archive = BenchArchive.create(SyntheticArchive.Options.defaults(42).withBodyBytes(articleKb * 1024));
        stateDir = Files.createTempDirectory("newsmon-topology-bench-");
        Topics topics = Topics.DEFAULT;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(NewsmonTopology.build(TopologyConfig.defaults(topics)
                .withWatchlistRefresh(Duration.ofSeconds(1))), props, Instant.parse("2024-01-01T00:00:00Z"));
        raw = driver.createInputTopic(topics.raw(), new ByteArraySerializer(), new ByteArraySerializer());
        TestInputTopic<String, String> watchlist = driver.createInputTopic(topics.watchlist(), new StringSerializer(),
                new StringSerializer());
        watchlist.pipeInput("wagner-group", "{\"id\":\"wagner-group\"}");
        watchlist.pipeInput("tobruk", "{\"id\":\"tobruk\"}");
        outputs = new ArrayList<>();
        for (String t : List.of(topics.articles(), topics.duplicates(), topics.alerts(), topics.rejected(),
                topics.stories())) {
            outputs.add(driver.createOutputTopic(t, new org.apache.kafka.common.serialization.StringDeserializer(),
                    new ByteArrayDeserializer()));
        }
    }

    /** The next batch is generated outside the measured time. */
    @Setup(Level.Invocation)
    public void nextBatch() {
        batch.clear();
        for (int i = 0; i < BATCH; i++) {
            batch.add(archive.next().unit());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void processArticle() {
        for (InputUnit u : batch) {
            RecordHeaders h = new RecordHeaders();
            h.add(RawHeaders.FORMAT, JSON);
            h.add(RawHeaders.ORIGIN, u.origin().getBytes(StandardCharsets.UTF_8));
            h.add(RawHeaders.RUN, run);
            h.add(RawHeaders.SEQ, Long.toString(seq++).getBytes(StandardCharsets.UTF_8));
            raw.pipeInput(new TestRecord<>(u.key().getBytes(StandardCharsets.UTF_8), u.payload(), h,
                    u.eventTime()));
        }
        for (TestOutputTopic<String, byte[]> out : outputs) {
            out.readValuesToList();
        }
    }

    private static final byte[] JSON = "json".getBytes(StandardCharsets.UTF_8);

    @TearDown
    public void tearDown() throws IOException {
        System.out.printf(java.util.Locale.ROOT, "%nordered lane: %.1f us thread CPU per record (%d records)%n",
                OrderedLaneMeter.cpuNanos() / 1e3 / Math.max(1, OrderedLaneMeter.records()),
                OrderedLaneMeter.records());
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
