package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.producers.IngestOptions;
import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.ReplayJob;
import dev.newsmon.producers.ReplayOptions;
import dev.newsmon.producers.ReplaySpeed;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.NewsmonService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Crashes and restarts on a real broker: the stream app killed with SIGKILL in a JVM of its own, the broker stopped
 * and started mid-stream, the local state wiped. Each run must decide exactly like an uninterrupted reference run
 * ({@code scan}) of the same synthetic archive: same origin → decision map, same alert ids, nothing accounted twice,
 * no alert twice (read_committed).
 *
 * <p>CI size: 10,000 articles, 3 kills. Long version: {@code -Dnewsmon.reliability.articles=100000
 * -Dnewsmon.reliability.kills=10}.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CrashRecoveryIT {

    static final int ARTICLES = Integer.getInteger("newsmon.reliability.articles", 10_000);
    static final int KILLS = Integer.getInteger("newsmon.reliability.kills", 3);
    static final int PARTS = 8;
    private static final long SEED = 20_240_301L;
    private static final Duration IDLE = Duration.ofMinutes(3);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static SyntheticArchive.Plan plan;
    static Outcome reference;

    @BeforeAll
    static void archiveAndReference() throws Exception {
        long t0 = System.nanoTime();
        plan = SyntheticArchive.write(shared.resolve("archive"), SEED, ARTICLES, PARTS);
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("scan", "--out", shared.resolve("reference").toString(),
                shared.resolve("archive").toString());
        assertThat(code).as("reference scan; stderr: %s", err).isZero();
        reference = Outcome.of(ScanIT.read(shared.resolve("reference")));
        assertThat(reference.origins()).hasSize(ARTICLES);
        // Pseudo-words may form a tracked name by chance in a long archive; the reference decides, this is a sanity check.
        assertThat(reference.alerts().size()).isGreaterThanOrEqualTo(plan.planted());
        assertThat(reference.decisions().values().stream().filter(d -> d.startsWith("duplicate")).count())
                .isGreaterThan(ARTICLES / 10);
        Map<String, Long> kinds = reference.decisions().values().stream()
                .collect(Collectors.groupingBy(d -> d.split(" ")[0], java.util.TreeMap::new, Collectors.counting()));
        report("reference scan: %d inputs (%d planted mentions, %d exact, %d url, %d near copies, %d broken) -> %s,"
                + " %d alerts; %.1f s", plan.total(), plan.planted(), plan.exactCopies(), plan.urlCopies(),
                plan.nearCopies(), plan.broken(), kinds, reference.alerts().size(), seconds(t0));
    }

    @Test
    void appKilledHardWhileArticlesFlowLosesNothingAndRepeatsNothing(KafkaCluster kafka) throws Exception {
        long t0 = System.nanoTime();
        String prefix = kafka.unique("crash");
        Topics topics = Topics.withPrefix(prefix);
        List<String> args = List.of("run", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
                "--application-id", kafka.unique("crash-app"), "--data-dir", tmp.resolve("data").toString(),
                "--http-port", "-1", "--threads", "1", "--partitions", "2",
                // The reference is a scan, which writes one alert per new article: no trend alerts here.
                "--no-trends",
                // A SIGKILLed member leaves the group only when its session times out (45 s by default).
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000");
        List<String> kills = new ArrayList<>();
        try (ChildApp app = new ChildApp(tmp.resolve("app.log"), args).start()) {
            app.awaitRunning(Duration.ofSeconds(120));
            try (OutputCollector out = new OutputCollector(client(kafka.bootstrapServers()), topics).start()) {
                CompletableFuture<IngestSummary> replay = replayAsync(kafka.bootstrapServers(), topics, plan.files());
                for (int k = 1; k <= KILLS; k++) {
                    long target = (long) ARTICLES * k / (KILLS + 1);
                    awaitUntil(() -> out.accounted() >= target, IDLE, () -> "only " + out.accounted() + " of "
                            + target + " inputs before kill; app log:\n" + tail(app));
                    long before = out.accounted();
                    assertThat(app.kill()).as("exit code of SIGKILL").isEqualTo(137);
                    long restart = System.nanoTime();
                    app.start().awaitRunning(Duration.ofSeconds(120));
                    double toRunning = seconds(restart);
                    awaitUntil(() -> out.accounted() > before + 50 || out.accounted() >= ARTICLES, IDLE,
                            () -> "no progress after restart; app log:\n" + tail(app));
                    kills.add(String.format(Locale.ROOT, "kill %d at %d accounted: RUNNING again after %.1f s, "
                            + "progressing after %.1f s", k, before, toRunning, seconds(restart)));
                }
                assertThat(replay.get().sent()).isEqualTo(ARTICLES);
                out.awaitAccounted(ARTICLES, IDLE, app::isAlive);
                Outcome got = settled(topics, out);
                assertSameAsReference(got, reference);
                report("kill -9: %d articles, %d kills, %d accounted, %d repeated inputs, %d alerts "
                        + "(%d expected), %d repeated alerts, %d lost alerts, %.1f s in all; %s", ARTICLES, KILLS,
                        got.origins().size(), got.repeatedOrigins().size(), got.alerts().size(),
                        reference.alerts().size(), got.repeatedAlerts(), lost(reference, got), seconds(t0), kills);
            }
        }
    }

    @Test
    void brokerRestartMidStreamLosesNothingAndRepeatsNothing() throws Exception {
        long t0 = System.nanoTime();
        List<Path> firstHalf = plan.files().subList(0, PARTS / 4);
        List<Path> secondHalf = plan.files().subList(PARTS / 4, PARTS / 2);
        Outcome expected = reference.restrictedTo(inFiles(plan.files().subList(0, PARTS / 2)));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(tmp.resolve("broker"), 0).start()) {
            Topics topics = setUp(broker.bootstrapServers(), "restart");
            try (NewsmonService service = service(broker.bootstrapServers(), topics, "restart-app", tmp.resolve("state"));
                    OutputCollector out = new OutputCollector(client(broker.bootstrapServers()), topics).start()) {
                service.start();
                assertThat(service.awaitRunning(Duration.ofSeconds(90))).isTrue();
                CompletableFuture<IngestSummary> first = replayAsync(broker.bootstrapServers(), topics, firstHalf);
                long target = expected.origins().size() / 5;
                awaitUntil(() -> out.accounted() >= target, IDLE, () -> "only " + out.accounted() + " before stop");
                long atStop = out.accounted();
                long stop = System.nanoTime();
                broker.stop();
                // While the broker is down, a second producer run starts and must wait for it.
                CompletableFuture<IngestSummary> second = replayAsync(broker.bootstrapServers(), topics, secondHalf);
                Thread.sleep(5_000);
                broker.start();
                double down = seconds(stop);
                awaitUntil(() -> out.accounted() > atStop + 50, IDLE, () -> "no progress after the broker restart");
                double resumed = seconds(stop);
                assertThat(first.get().sent() + second.get().sent()).isEqualTo(expected.origins().size());
                out.awaitAccounted(expected.origins().size(), IDLE, service::isLive);
                Outcome got = settled(topics, out);
                assertSameAsReference(got, expected);
                report("broker restart: %d articles, broker down %.1f s at %d accounted, progress again %.1f s after"
                        + " the stop; %d accounted, %d repeated inputs, %d alerts (%d expected), %d repeated alerts, "
                        + "%d lost alerts, %.1f s in all", expected.origins().size(), down, atStop,
                        resumed, got.origins().size(), got.repeatedOrigins().size(), got.alerts().size(),
                        expected.alerts().size(), got.repeatedAlerts(), lost(expected, got), seconds(t0));
            }
        }
    }

    @Test
    void wipedStateIsRestoredFromTheChangelogAndDecidesTheSame(KafkaCluster kafka) throws Exception {
        long t0 = System.nanoTime();
        List<Path> before = plan.files().subList(0, PARTS / 4);
        List<Path> after = plan.files().subList(PARTS / 4, PARTS / 2);
        Outcome expected = reference.restrictedTo(inFiles(plan.files().subList(0, PARTS / 2)));
        Topics topics = setUp(kafka.bootstrapServers(), "restore");
        String appId = kafka.unique("restore-app");
        Path state = tmp.resolve("state");
        try (OutputCollector out = new OutputCollector(client(kafka.bootstrapServers()), topics).start()) {
            long firstCount = reference.restrictedTo(inFiles(before)).origins().size();
            try (NewsmonService service = service(kafka.bootstrapServers(), topics, appId, state)) {
                service.start();
                assertThat(service.awaitRunning(Duration.ofSeconds(90))).isTrue();
                replayAsync(kafka.bootstrapServers(), topics, before).get();
                out.awaitAccounted(firstCount, IDLE, service::isLive);
            }
            deleteRecursively(state);
            assertThat(state).doesNotExist();

            RestoreCount restored = new RestoreCount();
            long restart = System.nanoTime();
            try (NewsmonService service = service(kafka.bootstrapServers(), topics, appId, state)) {
                service.streams().setGlobalStateRestoreListener(restored);
                service.start();
                assertThat(service.awaitRunning(Duration.ofSeconds(90))).isTrue();
                double toRunning = seconds(restart);
                assertThat(restored.records.get()).as("records restored from changelogs").isPositive();
                replayAsync(kafka.bootstrapServers(), topics, after).get();
                out.awaitAccounted(expected.origins().size(), IDLE, service::isLive);
                Outcome got = settled(topics, out);
                assertSameAsReference(got, expected);
                long crossCopies = got.decisions().entrySet().stream()
                        .filter(e -> inFiles(after).test(e.getKey()) && e.getValue().startsWith("duplicate"))
                        .filter(e -> firstHalfOriginal(got, e.getValue(), before)).count();
                assertThat(crossCopies).as("copies of articles seen before the wipe").isGreaterThan(50);
                report("state wipe: %d articles before, %d after; %d changelog records restored in %.1f s, RUNNING "
                        + "%.1f s after restart; %d copies of pre-wipe articles recognized; %d repeated inputs, %d "
                        + "alerts (%d expected), %.1f s in all", firstCount, expected.origins().size() - firstCount,
                        restored.records.get(), restored.seconds(), toRunning, crossCopies,
                        got.repeatedOrigins().size(), got.alerts().size(), expected.alerts().size(), seconds(t0));
            }
        }
    }

    static void assertSameAsReference(Outcome got, Outcome expected) {
        assertThat(got.repeatedOrigins()).as("inputs accounted more than once").isEmpty();
        assertThat(got.origins()).as("every input in exactly one of articles/duplicates/rejected")
                .hasSameSizeAs(expected.origins());
        assertThat(got.decisions()).isEqualTo(expected.decisions());
        assertThat(got.repeatedAlerts()).as("alerts delivered twice").isZero();
        assertThat(got.alerts()).isEqualTo(expected.alerts());
    }

    /** Waits a little past completion: a record written twice would show up now. */
    private static Outcome settled(Topics topics, OutputCollector out) throws InterruptedException {
        Thread.sleep(3_000);
        return Outcome.of(topics, out.snapshot());
    }

    private static long lost(Outcome expected, Outcome got) {
        return expected.alerts().keySet().stream().filter(id -> !got.alerts().containsKey(id)).count();
    }

    private static boolean firstHalfOriginal(Outcome got, String decision, List<Path> before) {
        String originalId = decision.split(" ")[3];
        String origin = got.articleOrigins().get(originalId);
        return origin != null && inFiles(before).test(origin);
    }

    static java.util.function.Predicate<String> inFiles(List<Path> files) {
        Set<String> names = files.stream().map(Path::toString).collect(Collectors.toSet());
        return origin -> names.contains(origin.substring(0, Math.max(0, origin.lastIndexOf(':'))));
    }

    private static Topics setUp(String bootstrap, String name) {
        Topics topics = Topics.withPrefix(name + "-" + Long.toHexString(System.nanoTime()));
        TopicSetup.ensureTopics(client(bootstrap), topics, 2, (short) 1);
        TopicSetup.publishWatchlist(client(bootstrap), topics.watchlist(), Watchlist.DEFAULT);
        return topics;
    }

    private static NewsmonService service(String bootstrap, Topics topics, String appId, Path state)
            throws IOException {
        // A cleanly closed Kafka Streams member does not leave its group: the next one waits for its session to
        // time out (45 s by default). Short here so the tests measure restore, not that wait.
        return new NewsmonService(StreamsSettings.properties(bootstrap, appId, Files.createDirectories(state), 1,
                topics, Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")),
                TopologyConfig.defaults(topics));
    }

    static Map<String, Object> client(String bootstrap) {
        return Map.of("bootstrap.servers", bootstrap);
    }

    static CompletableFuture<IngestSummary> replayAsync(String bootstrap, Topics topics, List<Path> files) {
        List<String> inputs = files.stream().map(Path::toString).toList();
        return CompletableFuture.supplyAsync(() -> ReplayJob.run(inputs, IngestOptions.of(bootstrap, topics.raw()),
                ReplayOptions.of(ReplaySpeed.MAX)));
    }

    static void awaitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(50);
        }
    }

    /** Counts restored changelog records and the time from the first restore start to the last restore end. */
    private static final class RestoreCount implements StateRestoreListener {
        final AtomicLong records = new AtomicLong();
        private final AtomicLong firstStart = new AtomicLong();
        private final AtomicLong lastEnd = new AtomicLong();

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
            firstStart.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long count) {
            records.addAndGet(count);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long total) {
            lastEnd.set(System.nanoTime());
        }

        double seconds() {
            return (lastEnd.get() - firstStart.get()) / 1e9;
        }
    }

    private static String tail(ChildApp app) {
        try {
            return app.tail();
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Figures for RELIABILITY.md, easy to find in the build output. */
    static void report(String format, Object... args) {
        System.out.println("RELIABILITY | " + String.format(Locale.ROOT, format, args));
    }
}
