package dev.newsmon.app;

import dev.newsmon.app.bench.BrokerProcess;
import dev.newsmon.app.bench.CpuTime;
import dev.newsmon.app.bench.Latencies;
import dev.newsmon.app.bench.LoadAverage;
import dev.newsmon.app.bench.OutputWatcher;
import dev.newsmon.app.bench.ProcessMemory;
import dev.newsmon.app.bench.StateSize;
import dev.newsmon.app.bench.StreamsDiagnostics;
import dev.newsmon.producers.synthetic.SyntheticArchive;
import dev.newsmon.broker.EmbeddedKafkaBroker;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.producers.InputUnit;
import dev.newsmon.producers.ProducerFactory;
import dev.newsmon.producers.ProducerSettings;
import dev.newsmon.producers.RecordPublisher;
import dev.newsmon.topology.NewsmonTopology;
import dev.newsmon.topology.OrderedLaneMeter;
import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.TrendConfig;
import dev.newsmon.topology.run.NewsmonService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measures newsmon against the broker it runs on, in one run: (a) raw pass-through (produce and "
                + "consume the same records), (b) the full pipeline with exactly_once_v2, (c) end-to-end latency "
                + "(ingest -> alert visible to a read_committed consumer) at a fixed rate, (d) heap and RSS. Prints a "
                + "table with the ratio (b)/(a).",
                "The archive is synthetic, generated from the sample articles (--samples) with a fixed seed. Without "
                        + "--bootstrap-servers a fresh temporary broker runs in a JVM of its own; with it, topics get a "
                        + "unique prefix and are deleted afterwards."})
final class BenchCommand implements Callable<Integer> {

    private static final String PROBE_PREFIX = "bench-probe-";

    enum BrokerMode { SEPARATE, IN_PROCESS }

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
            description = "Articles in the measured archive (a and b). Default: ${DEFAULT-VALUE}.")
    int articles;

    @Option(names = "--article-kb", paramLabel = "KB", defaultValue = "5",
            description = "Body size of a generated article in KB of UTF-8. Default: ${DEFAULT-VALUE}.")
    double articleKb;

    @Option(names = "--duplicate-rate", paramLabel = "R", defaultValue = "0.3",
            description = "Share of articles that are copies of an earlier one (re-crawls, syndication, edited "
                    + "copies, in equal parts). Default: ${DEFAULT-VALUE}.")
    double duplicateRate;

    @Option(names = "--arabic", paramLabel = "R", defaultValue = "0.7",
            description = "Share of Arabic articles (the rest English). Default: ${DEFAULT-VALUE}.")
    double arabicShare;

    @Option(names = "--tracked-share", paramLabel = "R", defaultValue = "0.1",
            description = "Share of original articles that name a tracked entity (wagner-group, tobruk) and so raise "
                    + "an alert. Default: ${DEFAULT-VALUE}.")
    double trackedShare;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the synthetic archive. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--event-rate", paramLabel = "PER_S", defaultValue = "10",
            description = "Publication rate of the archive (articles per second of event time): how much time it "
                    + "spans for the dedup horizon. Default: ${DEFAULT-VALUE}.")
    double eventRate;

    @Option(names = "--samples", paramLabel = "DIR", description = "Articles the archive is generated from. "
            + "Default: the bundled samples/archive.")
    Path samples;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the raw, pass-through and output topics. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "Stream threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10000",
            description = "Unique articles put through the pipeline before the measured run: warms up the JVM and "
                    + "fills the dedup state (e.g. 1000000 for the heap measurement). Default: ${DEFAULT-VALUE}.")
    long warmup;

    @Option(names = "--warmup-kb", paramLabel = "KB",
            description = "Body size of the warm-up articles (default: --article-kb); smaller makes a large warm-up "
                    + "such as 1000000 articles of dedup state faster: the state per article does not depend on it.")
    Double warmupKb;

    @Option(names = "--latency-rate", paramLabel = "PER_S", defaultValue = "50",
            description = "Rate of the latency measurement (articles per second). Default: ${DEFAULT-VALUE}.")
    double latencyRate;

    @Option(names = "--latency-duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long the latency measurement sends. Default: ${DEFAULT-VALUE}; 0s skips it.")
    Duration latencyDuration;

    @Option(names = "--no-passthrough", description = "Skip the raw pass-through measurement (a).")
    boolean noPassThrough;

    @Option(names = "--dedup-horizon", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Dedup horizon of the pipeline. Default: ${DEFAULT-VALUE}.")
    Duration horizon;

    @Option(names = "--trends", description = "Run the pipeline with trend counting (off by default, as in scan).")
    boolean trends;

    @Option(names = "--state-size", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Read the whole dedup state at the end to report its size (default on; slow with "
                    + "millions of articles).")
    boolean stateSize;

    @Option(names = "--broker", paramLabel = "MODE", defaultValue = "separate",
            description = "Without --bootstrap-servers: run the temporary broker in a JVM of its own (separate, the "
                    + "default: heap and RSS are then the application's) or in this one (in-process).")
    BrokerMode brokerMode;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "LATENCY",
            description = "Streams profile of the pipeline: LATENCY (run, demo: 50 ms commits) or THROUGHPUT (scan: "
                    + "1 s commits, fuller batches). Default: ${DEFAULT-VALUE}.")
    StreamsSettings.Profile profile;

    @Mixin
    TrendOptions trend;

    @Mixin
    KafkaOptions kafka;

    private PrintWriter err;
    private long brokerPid = -1;
    private final List<String> threadCpu = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, false);
        checkArguments();
        Path archiveDir = samples != null ? samples : DemoCommand.defaultSamples();
        if (!Files.exists(archiveDir)) {
            throw new ExitCodes.UsageException("samples not found: " + archiveDir + " (give --samples DIR)");
        }
        err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = Topics.withPrefix("bench-" + runId);
        String passThroughTopic = "bench-" + runId + ".passthrough";
        String applicationId = "newsmon-bench-" + runId;

        SyntheticArchive.Options options = new SyntheticArchive.Options(seed, duplicateRate, arabicShare,
                (int) Math.round(articleKb * 1024), eventRate * 3600, Instant.parse("2024-01-01T00:00:00Z"),
                trackedShare);
        SyntheticArchive warmupArchive = SyntheticArchive.fromSamples(archiveDir,
                options.withDuplicateRate(0).withSeed(seed + 1)
                        .withBodyBytes((int) Math.round((warmupKb == null ? articleKb : warmupKb) * 1024)));
        SyntheticArchive archive = SyntheticArchive.fromSamples(archiveDir,
                options.startingAt(warmupArchive.timeOf(warmup)));
        progress("generating %,d articles (seed %d)", articles, seed);
        List<SyntheticArchive.Article> generated = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            generated.add(archive.next());
        }
        ArchiveStats archiveStats = ArchiveStats.of(generated);
        List<InputUnit> units = generated.stream().map(SyntheticArchive.Article::unit).collect(Collectors.toList());
        generated = null;

        Report report = new Report();
        report.archive = archiveStats;
        Path work = Files.createTempDirectory("newsmon-bench-");
        try (ProcessMemory memory = ProcessMemory.sampleEvery(200);
                Cluster cluster = Cluster.open(kafka, brokerMode)) {
            report.broker = cluster.description;
            brokerPid = cluster.child == null ? -1 : cluster.child.pid();
            KafkaConnection conn = cluster.connection;
            try {
                TopicSetup.ensureTopics(conn.clientConfig(), topics, partitions, (short) -1);
                TopicSetup.publishWatchlist(conn.clientConfig(), topics.watchlist(), Watchlist.DEFAULT);
                if (!noPassThrough) {
                    report.passThrough = passThrough(conn, passThroughTopic, units);
                }
                TopologyConfig config = TopologyConfig.defaults(topics).withDedupHorizon(horizon)
                        .withTrends(trend.config(trends));
                Path stateDir = work.resolve("streams");
                try (NewsmonService service = Pipelines.service(conn, topics, applicationId, stateDir, threads,
                        config, profile);
                        OutputWatcher watcher = new OutputWatcher(conn.clientConfig(), List.of(topics.articles(),
                                topics.duplicates(), topics.rejected(), topics.alerts()), topics.articles(),
                                topics.alerts(), PROBE_PREFIX).start()) {
                    report.commitInterval = commitInterval(conn, topics, applicationId, stateDir);
                    service.start();
                    if (!service.awaitRunning(Duration.ofSeconds(120))) {
                        throw new IllegalStateException("the stream processor did not start (state "
                                + service.state() + ")");
                    }
                    List<String> accounting = topics.accountingTopics();
                    if (warmup > 0) {
                        report.warmup = warmUp(conn, topics, warmupArchive, watcher, service);
                    }
                    long before = watcher.total(accounting);
                    Outputs outputsBefore = Outputs.seenBy(watcher, topics);
                    Map<String, Double> sentBefore =
                            StreamsDiagnostics.recordsSent(service.streams(), applicationId);
                    long laneNanosBefore = OrderedLaneMeter.cpuNanos();
                    long laneRecordsBefore = OrderedLaneMeter.records();
                    memory.resetPeaks();
                    report.pipeline = pipeline(conn, topics, units, watcher, before, service);
                    report.orderedLaneNanos = OrderedLaneMeter.cpuNanos() - laneNanosBefore;
                    report.orderedLaneRecords = OrderedLaneMeter.records() - laneRecordsBefore;
                    StreamsDiagnostics.recordsSent(service.streams(), applicationId)
                            .forEach((k, v) -> report.recordsSent.put(k, v - sentBefore.getOrDefault(k, 0.0)));
                    units = null;
                    report.pipelinePeakHeap = memory.peakHeapBytes();
                    report.diagnostics = new ArrayList<>(threadCpu);
                    report.diagnostics.addAll(StreamsDiagnostics.describe(service.streams()));
                    report.outputs = Outputs.seenBy(watcher, topics).minus(outputsBefore);
                    if (!latencyDuration.isZero()) {
                        memory.resetPeaks();
                        report.latency = latency(conn, topics, archive, watcher, service);
                        report.latencyPeakHeap = memory.peakHeapBytes();
                        report.latencyPeakRss = memory.peakRssBytes();
                    }
                    report.heapAfterGc = ProcessMemory.heapAfterGcBytes();
                    report.rss = ProcessMemory.rssBytes();
                    report.rssPeak = ProcessMemory.rssHighWaterBytes();
                    report.maxHeap = ProcessMemory.maxHeapBytes();
                    report.uniqueArticles = watcher.count(topics.articles());
                    if (stateSize) {
                        progress("reading the dedup state");
                        report.dedupState = StateSize.of(service.streams(), NewsmonTopology.DEDUP_STORE);
                    }
                }
                report.dedupOnDisk = StateSize.onDisk(stateDir, NewsmonTopology.DEDUP_STORE);
            } finally {
                if (!kafka.embedded()) {
                    deleteTopics(conn, "bench-" + runId + ".", applicationId + "-");
                }
            }
        } finally {
            deleteQuietly(work);
        }
        report.print(out, this);
        out.flush();
        return ExitCodes.OK;
    }

    private void checkArguments() {
        if (articles < 1) {
            throw new ExitCodes.UsageException("--articles must be at least 1");
        }
        if (articleKb < 0.1 || articleKb > 400 || warmupKb != null && (warmupKb < 0.1 || warmupKb > 400)) {
            throw new ExitCodes.UsageException("--article-kb and --warmup-kb must be between 0.1 and 400");
        }
        if (duplicateRate < 0 || duplicateRate > 0.9) {
            throw new ExitCodes.UsageException("--duplicate-rate must be between 0 and 0.9");
        }
        if (arabicShare < 0 || arabicShare > 1) {
            throw new ExitCodes.UsageException("--arabic must be between 0 and 1");
        }
        if (trackedShare < 0 || trackedShare > 1) {
            throw new ExitCodes.UsageException("--tracked-share must be between 0 and 1");
        }
        if (!(eventRate > 0)) {
            throw new ExitCodes.UsageException("--event-rate must be positive");
        }
        if (partitions < 1 || threads < 1) {
            throw new ExitCodes.UsageException("--partitions and --threads must be at least 1");
        }
        if (warmup < 0) {
            throw new ExitCodes.UsageException("--warmup must not be negative");
        }
        if (!(latencyRate > 0) || latencyRate > 10_000) {
            throw new ExitCodes.UsageException("--latency-rate must be between 0 and 10000 per second");
        }
        if (latencyDuration.isNegative()) {
            throw new ExitCodes.UsageException("--latency-duration must not be negative");
        }
    }

    /** CPU time of this process and of the broker process (when the bench runs it) from now on. */
    private final class CpuMeter {
        private final long app = CpuTime.thisProcess();
        private final long broker = brokerPid < 0 ? -1 : CpuTime.ofProcess(brokerPid);

        Throughput done(long records, long bytes, long nanos, long sendNanos, String loadBefore) {
            long brokerNow = brokerPid < 0 ? -1 : CpuTime.ofProcess(brokerPid);
            return new Throughput(records, bytes, nanos, sendNanos, loadBefore, LoadAverage.now(),
                    CpuTime.thisProcess() - app, broker < 0 || brokerNow < 0 ? -1 : brokerNow - broker);
        }
    }

    /** (a): the same records produced to a plain topic and read back by a read_committed consumer. */
    private Throughput passThrough(KafkaConnection conn, String topic, List<InputUnit> units) throws Exception {
        createTopic(conn, topic);
        progress("(a) pass-through: %,d records", units.size());
        String load = LoadAverage.now();
        try (OutputWatcher consumer = new OutputWatcher(conn.clientConfig(), List.of(topic), null, null, PROBE_PREFIX)
                .start()) {
            List<InputUnit> firstRecords = units.subList(0, Math.min(units.size(), 3000));
            send(conn, topic, firstRecords);
            consumer.awaitTotal(List.of(topic), firstRecords.size(), Duration.ofMinutes(2), () -> true);
            long base = firstRecords.size();
            CpuMeter cpu = new CpuMeter();
            long t0 = System.nanoTime();
            long bytes = send(conn, topic, units);
            long sent = System.nanoTime();
            long t1 = consumer.awaitTotal(List.of(topic), base + units.size(), Duration.ofMinutes(2), () -> true);
            return cpu.done(units.size(), bytes, t1 - t0, sent - t0, load);
        }
    }

    /** (b): the same records through the pipeline, until each is accounted for in articles/duplicates/rejected. */
    private Throughput pipeline(KafkaConnection conn, Topics topics, List<InputUnit> units, OutputWatcher watcher,
            long before, NewsmonService service) throws Exception {
        progress("(b) pipeline: %,d records", units.size());
        String load = LoadAverage.now();
        CpuMeter cpu = new CpuMeter();
        Map<String, Long> threadsBefore = CpuTime.threads("");
        Map<String, Long> osBefore = CpuTime.osThreads();
        long t0 = System.nanoTime();
        long bytes = send(conn, topics.raw(), units);
        long sent = System.nanoTime();
        long t1 = watcher.awaitTotal(topics.accountingTopics(), before + units.size(), Duration.ofMinutes(5),
                service::isLive);
        Throughput result = cpu.done(units.size(), bytes, t1 - t0, sent - t0, load);
        threadCpu.addAll(CpuTime.describe(threadsBefore, CpuTime.threads(""), result.appCpuNanos(), units.size(),
                t1 - t0));
        threadCpu.addAll(CpuTime.describeOs(osBefore, CpuTime.osThreads(), units.size(), t1 - t0));
        return result;
    }

    private Throughput warmUp(KafkaConnection conn, Topics topics, SyntheticArchive source, OutputWatcher watcher,
            NewsmonService service) throws Exception {
        progress("warm-up: %,d unique articles", warmup);
        String load = LoadAverage.now();
        CpuMeter cpu = new CpuMeter();
        long t0 = System.nanoTime();
        long bytes = 0;
        try (RecordPublisher publisher = publisher(conn, topics.raw())) {
            for (long i = 0; i < warmup; i++) {
                InputUnit u = source.next().unit();
                bytes += u.payload().length;
                publisher.send(u);
                if ((i + 1) % 100_000 == 0) {
                    progress("  %,d sent, %,d processed", i + 1, watcher.total(topics.accountingTopics()));
                }
            }
            publisher.flush();
            checkSent(publisher, warmup);
        }
        long sent = System.nanoTime();
        long t1 = watcher.awaitTotal(topics.accountingTopics(), warmup, Duration.ofMinutes(5), service::isLive);
        return cpu.done(warmup, bytes, t1 - t0, sent - t0, load);
    }

    /** (c): probes at a fixed rate; when each one's alert (and article) becomes visible. */
    private LatencyResult latency(KafkaConnection conn, Topics topics, SyntheticArchive archive, OutputWatcher watcher,
            NewsmonService service) throws Exception {
        int count = (int) Math.max(1, Math.round(latencyRate * latencyDuration.toMillis() / 1000.0));
        progress("(c) latency: %,d articles at %.0f/s", count, latencyRate);
        List<InputUnit> probes = new ArrayList<>(count);
        Instant time = archive.timeOf(articles + 1L);
        for (int i = 0; i < count; i++) {
            probes.add(archive.probe(PROBE_PREFIX + i, time.plusMillis(i)).unit());
        }
        String load = LoadAverage.now();
        long[] sentAt = new long[count];
        long periodNanos = (long) (1e9 / latencyRate);
        try (RecordPublisher publisher = publisher(conn, topics.raw())) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sentAt[i] = System.currentTimeMillis();
                publisher.send(probes.get(i));
            }
            publisher.flush();
            checkSent(publisher, count);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && service.isLive()) {
            boolean all = true;
            for (int i = 0; i < count && all; i++) {
                all = watcher.alertSeen(PROBE_PREFIX + i) != null;
            }
            if (all) {
                break;
            }
            Thread.sleep(20);
        }
        return new LatencyResult(count, collect(count, sentAt, watcher::alertSeen),
                collect(count, sentAt, watcher::articleSeen), load, LoadAverage.now());
    }

    private static Latencies collect(int count, long[] sentAt, java.util.function.Function<String, Long> seen) {
        long[] ms = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            Long at = seen.apply(PROBE_PREFIX + i);
            if (at != null) {
                ms[n++] = at - sentAt[i];
            }
        }
        return Latencies.of(java.util.Arrays.copyOf(ms, n), count - n);
    }

    private long send(KafkaConnection conn, String topic, List<InputUnit> units) {
        long bytes = 0;
        try (RecordPublisher publisher = publisher(conn, topic)) {
            for (InputUnit u : units) {
                bytes += u.payload().length;
                publisher.send(u);
            }
            publisher.flush();
            checkSent(publisher, units.size());
        }
        return bytes;
    }

    private static void checkSent(RecordPublisher publisher, long expected) {
        RecordPublisher.Stats stats = publisher.stats();
        if (stats.failed() > 0) {
            throw new IllegalStateException(stats.failed() + " of " + expected + " records could not be written: "
                    + String.join("; ", stats.failures()));
        }
    }

    private static RecordPublisher publisher(KafkaConnection conn, String topic) {
        return new RecordPublisher(ProducerFactory.KAFKA.create(ProducerSettings.properties(conn.bootstrapServers(),
                conn.clientProperties())), topic, UUID.randomUUID(), conn.bootstrapServers());
    }

    /** The commit interval the pipeline runs with: its settings, else Kafka Streams' default under EOS. */
    private String commitInterval(KafkaConnection conn, Topics topics, String applicationId, Path stateDir) {
        Object v = StreamsSettings.properties(conn.bootstrapServers(), applicationId, stateDir, threads, topics,
                conn.clientProperties(), profile).get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return v != null ? v + " ms" : "100 ms (default under exactly-once)";
    }

    private void createTopic(KafkaConnection conn, String topic) throws Exception {
        try (Admin admin = Admin.create(conn.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                            TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE)))))
                    .all().get();
        }
    }

    /** Removes what the bench created on an external cluster: its topics and the pipeline's internal topics. */
    private void deleteTopics(KafkaConnection conn, String prefix, String internalPrefix) {
        try (Admin admin = Admin.create(conn.clientConfig())) {
            Set<String> names = admin.listTopics().names().get();
            List<String> ours = names.stream().filter(n -> n.startsWith(prefix) || n.startsWith(internalPrefix))
                    .toList();
            admin.deleteTopics(ours).all().get();
            progress("deleted %d bench topics", ours.size());
        } catch (Exception e) {
            err.println("bench: could not delete the bench topics (" + e.getMessage() + "); remove topics starting "
                    + "with " + prefix + " and " + internalPrefix + " by hand");
        }
    }

    private void progress(String format, Object... args) {
        err.printf(Locale.ROOT, "bench: " + format + "%n", args);
        err.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is not worth failing the bench for
        }
    }

    /** The cluster the bench runs on and how to describe it. */
    private static final class Cluster implements AutoCloseable {
        final KafkaConnection connection;
        final String description;
        final BrokerProcess child;

        private Cluster(KafkaConnection connection, String description, BrokerProcess child) {
            this.connection = connection;
            this.description = description;
            this.child = child;
        }

        static Cluster open(KafkaOptions kafka, BrokerMode mode) {
            if (!kafka.embedded()) {
                return new Cluster(KafkaConnection.open(kafka), "external " + kafka.bootstrapServers.strip(), null);
            }
            if (mode == BrokerMode.IN_PROCESS) {
                return new Cluster(KafkaConnection.ofOwnBroker(EmbeddedKafkaBroker.temporary().start(),
                        kafka.clientProperties()), "embedded, temporary, in this JVM", null);
            }
            BrokerProcess child = BrokerProcess.start("1g");
            return new Cluster(KafkaConnection.to(child.bootstrapServers(), kafka.clientProperties()),
                    "embedded, temporary, separate JVM (pid " + child.pid() + ", -Xmx1g)", child);
        }

        @Override
        public void close() {
            connection.close();
            if (child != null) {
                child.close();
            }
        }
    }

    record Throughput(long records, long bytes, long nanos, long sendNanos, String loadBefore, String loadAfter,
            long appCpuNanos, long brokerCpuNanos) {
        double perSecond() {
            return records / (nanos / 1e9);
        }

        double mbPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }

        /** CPU microseconds per record of this process (application and bench clients), or -1. */
        double appCpuMicros() {
            return appCpuNanos < 0 ? -1 : appCpuNanos / 1e3 / records;
        }

        double brokerCpuMicros() {
            return brokerCpuNanos < 0 ? -1 : brokerCpuNanos / 1e3 / records;
        }
    }

    record LatencyResult(int sent, Latencies alert, Latencies article, String loadBefore, String loadAfter) {
    }

    record Outputs(long articles, long duplicates, long rejected, long alerts) {
        static Outputs seenBy(OutputWatcher w, Topics t) {
            return new Outputs(w.count(t.articles()), w.count(t.duplicates()), w.count(t.rejected()),
                    w.count(t.alerts()));
        }

        Outputs minus(Outputs o) {
            return new Outputs(articles - o.articles, duplicates - o.duplicates, rejected - o.rejected,
                    alerts - o.alerts);
        }
    }

    record ArchiveStats(int total, Map<SyntheticArchive.Kind, Integer> kinds, long arabic, double avgJsonBytes) {
        static ArchiveStats of(List<SyntheticArchive.Article> all) {
            Map<SyntheticArchive.Kind, Integer> kinds = new EnumMap<>(SyntheticArchive.Kind.class);
            long bytes = 0;
            long arabic = 0;
            for (SyntheticArchive.Article a : all) {
                kinds.merge(a.kind(), 1, Integer::sum);
                bytes += a.json().length;
                if ("ar".equals(a.lang())) {
                    arabic++;
                }
            }
            return new ArchiveStats(all.size(), kinds, arabic, all.isEmpty() ? 0 : (double) bytes / all.size());
        }

        int copies() {
            return total - kinds.getOrDefault(SyntheticArchive.Kind.ORIGINAL, 0);
        }
    }

    /** Everything measured, printed as one table. */
    static final class Report {
        ArchiveStats archive;
        String broker;
        String commitInterval;
        Throughput passThrough;
        Throughput warmup;
        Throughput pipeline;
        Outputs outputs;
        LatencyResult latency;
        long pipelinePeakHeap;
        long latencyPeakHeap;
        long latencyPeakRss;
        long heapAfterGc;
        long rss;
        long rssPeak;
        long maxHeap;
        long uniqueArticles;
        StateSize dedupState;
        long dedupOnDisk;
        List<String> diagnostics = new ArrayList<>();
        long orderedLaneNanos;
        long orderedLaneRecords;
        Map<String, Double> recordsSent = new java.util.TreeMap<>();

        void print(PrintWriter out, BenchCommand c) {
            Map<String, String> kv = new HashMap<>();
            out.printf(Locale.ROOT, "%nnewsmon bench  %s  %d CPUs  Java %s  broker: %s%n", Instant.now().toString()
                    .substring(0, 19) + "Z", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), broker);
            out.printf(Locale.ROOT, "archive: %,d articles, %.0f%% Arabic, body %.1f KB (JSON %.1f KB on average), "
                    + "%,d copies (%s), seed %d%n", archive.total, 100.0 * archive.arabic / archive.total, c.articleKb,
                    archive.avgJsonBytes / 1024, archive.copies(), archive.kinds, c.seed);
            out.printf(Locale.ROOT, "pipeline: exactly_once_v2, %d partitions, %d stream threads, commit interval %s, "
                    + "trends %s, dedup horizon %s%s%n", c.partitions, c.threads, commitInterval, c.trends ? "on" : "off",
                    c.horizon, warmup == null ? "" : String.format(Locale.ROOT, ", warm-up %,d unique articles "
                            + "(%.0f/s)", warmup.records, warmup.perSecond()));
            out.println();
            out.printf(Locale.ROOT, "%-48s %14s %12s  %s%n", "measurement", "value", "", "load avg before -> after");
            if (passThrough != null) {
                row(out, "(a) raw pass-through (produce + consume)", passThrough);
                kv.put("a", String.format(Locale.ROOT, "%.0f", passThrough.perSecond()));
            }
            row(out, "(b) pipeline, exactly_once_v2", pipeline);
            kv.put("b", String.format(Locale.ROOT, "%.0f", pipeline.perSecond()));
            kv.put("bAppUs", String.format(Locale.ROOT, "%.0f", pipeline.appCpuMicros()));
            kv.put("bBrokerUs", String.format(Locale.ROOT, "%.0f", pipeline.brokerCpuMicros()));
            if (passThrough != null) {
                double ratio = pipeline.perSecond() / passThrough.perSecond();
                out.printf(Locale.ROOT, "%-48s %14.3f%n", "(b)/(a)", ratio);
                kv.put("ratio", String.format(Locale.ROOT, "%.3f", ratio));
            }
            out.printf(Locale.ROOT, "%-48s %14s%n", "    outputs", String.format(Locale.ROOT,
                    "%,d articles, %,d duplicates (%,d generated), %,d rejected, %,d alerts",
                    outputs.articles, outputs.duplicates, archive.copies(), outputs.rejected, outputs.alerts)
                    );
            if (orderedLaneRecords > 0 && orderedLaneNanos > 0) {
                double laneUs = orderedLaneNanos / 1e3 / orderedLaneRecords;
                out.printf(Locale.ROOT, "%-48s %,10.0f us    (thread CPU in the sequenced task's processors, %,d "
                        + "records: one lane carries at most %,.0f/s)%n", "    ordered lane CPU per article", laneUs,
                        orderedLaneRecords, 1e6 / laneUs);
                kv.put("laneUs", String.format(Locale.ROOT, "%.0f", laneUs));
            }
            if (!recordsSent.isEmpty() && outputs.articles > 0) {
                double total = recordsSent.values().stream().mapToDouble(Double::doubleValue).sum();
                out.printf(Locale.ROOT, "%-48s %14.2f    (%s; %.2f per input record)%n",
                        "    records written per unique article", total / outputs.articles,
                        recordsSent.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                                e.getValue() / outputs.articles)).collect(Collectors.joining(", ")),
                        total / pipeline.records);
                kv.put("recordsPerUnique", String.format(Locale.ROOT, "%.2f", total / outputs.articles));
            }
            if (latency != null) {
                latencyRow(out, String.format(Locale.ROOT, "(c) ingest -> alert visible, %.0f/s", c.latencyRate),
                        latency.alert, latency);
                latencyRow(out, "    ingest -> article visible", latency.article, latency);
                kv.put("p50", Long.toString(latency.alert.percentile(50)));
                kv.put("p99", Long.toString(latency.alert.percentile(99)));
            }
            out.printf(Locale.ROOT, "%-48s %11.0f MB   (max heap %.0f MB)%n", "(d) heap used after GC (app, end of run)",
                    heapAfterGc / 1e6, maxHeap / 1e6);
            out.printf(Locale.ROOT, "%-48s %11.0f MB%n", "    peak heap used during (b)", pipelinePeakHeap / 1e6);
            if (latency != null) {
                out.printf(Locale.ROOT, "%-48s %11.0f MB%n", "    peak heap used during (c)", latencyPeakHeap / 1e6);
            }
            out.printf(Locale.ROOT, "%-48s %11.0f MB   (peak %.0f MB)%n", "    RSS at the end", rss / 1e6, rssPeak / 1e6);
            kv.put("heap", String.format(Locale.ROOT, "%.0f", heapAfterGc / 1e6));
            kv.put("rss", String.format(Locale.ROOT, "%.0f", rss / 1e6));
            if (dedupState != null && uniqueArticles > 0) {
                out.printf(Locale.ROOT, "%-48s %11.0f B    (%,d entries, %,d unique articles)%n",
                        "    dedup state per unique article", (double) dedupState.logicalBytes() / uniqueArticles,
                        dedupState.entries(), uniqueArticles);
                out.printf(Locale.ROOT, "%-48s %11.0f B%n", "    RocksDB files per unique article",
                        (double) dedupOnDisk / uniqueArticles);
                kv.put("stateB", String.format(Locale.ROOT, "%.0f", (double) dedupState.logicalBytes() / uniqueArticles));
            }
            out.println();
            out.println("stream threads and producers at the end of (b) (Kafka Streams metrics):");
            diagnostics.forEach(d -> out.println("  " + d));
            out.println();
            out.println("RESULT " + kv.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        }

        private static void row(PrintWriter out, String name, Throughput t) {
            out.printf(Locale.ROOT, "%-48s %,10.0f rec/s %7.1f MB/s  %s -> %s%n", name, t.perSecond(), t.mbPerSecond(),
                    t.loadBefore, t.loadAfter);
            if (t.appCpuNanos >= 0) {
                out.printf(Locale.ROOT, "%-48s %,10.0f us app %s%n", "    CPU per record", t.appCpuMicros(),
                        t.brokerCpuNanos < 0 ? "" : String.format(Locale.ROOT, "+ %,.0f us broker", t.brokerCpuMicros()));
            }
        }

        private static void latencyRow(PrintWriter out, String name, Latencies l, LatencyResult r) {
            out.printf(Locale.ROOT, "%-48s p50 %5d ms, p99 %5d ms, max %5d ms (%d of %d seen)  %s -> %s%n", name,
                    l.percentile(50), l.percentile(99), l.max(), l.count(), r.sent, r.loadBefore, r.loadAfter);
        }
    }
}
