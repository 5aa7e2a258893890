package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.broker.EmbeddedKafkaBroker;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.ProgressListener;
import dev.newsmon.producers.ReplayJob;
import dev.newsmon.producers.ReplayOptions;
import dev.newsmon.producers.ReplaySpeed;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.TrendConfig;
import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.run.NewsmonService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Offline all-in-one: starts a temporary embedded broker and the real topology, replays INPUT "
                + "in event-time order, waits until every record is processed, writes DIR/articles.jsonl, "
                + "duplicates.jsonl, alerts.jsonl and rejected.jsonl, and stops.",
                "Exits 0 even when some inputs were rejected (they are in rejected.jsonl)."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the four output files.")
    Path out;

    @Option(names = "--watchlist", paramLabel = "FILE",
            description = "Watchlist (JSON or YAML). Default: wagner-group and tobruk.")
    Path watchlistFile;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the raw and output topics (results do not depend on it). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--dedup-horizon", paramLabel = "DURATION", defaultValue = "P30D",
            converter = DurationConverter.class,
            description = "How long (event time) an article is remembered for dedup, e.g. 30d, 72h. Default: 30d.")
    Duration horizon;

    @Option(names = "--trends", description = "Also write trend alerts (kind \"trend\") into alerts.jsonl. Off by "
            + "default: alerts.jsonl then holds exactly one alert per new article that mentions a tracked entity.")
    boolean trends;

    @Mixin
    TrendOptions trend;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (jsonl, json, txt, html, xml/rss/atom).")
    List<String> inputs;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, false);
        kafka.articleLimit();
        if (partitions < 1) {
            throw new ExitCodes.UsageException("--partitions must be at least 1");
        }
        Publishing.checkInputs(inputs);
        Watchlist watchlist = Watchlists.load(watchlistFile);
        TrendConfig trendConfig = trend.config(trends);
        Problems.prepareOutputDir(out, "--out");
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = kafka.embedded() ? kafka.topics() : Topics.withPrefix("scan-" + runId);
        Path work = Files.createTempDirectory("newsmon-scan-");
        try (KafkaConnection conn = kafka.embedded()
                ? KafkaConnection.ofOwnBroker(EmbeddedKafkaBroker.temporary().start(), kafka.clientProperties())
                : KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), topics, partitions, (short) -1);
            TopicSetup.publishWatchlist(conn.clientConfig(), topics.watchlist(), watchlist);
            TopologyConfig config = TopologyConfig.defaults(topics).withDedupHorizon(horizon)
                    .withMaxArticleBytes(kafka.articleLimit())
                    .withTrends(trendConfig);
            int threads = Math.max(1, Math.min(partitions, Runtime.getRuntime().availableProcessors()));
            // An archive, not a live feed: the throughput profile (outputs are read once everything is processed).
            try (NewsmonService service = Pipelines.service(conn, topics, "newsmon-scan-" + runId,
                    work.resolve("streams"), threads, config, StreamsSettings.Profile.THROUGHPUT);
                    OutputCollector collector = new OutputCollector(conn.clientConfig(), topics).start()) {
                service.start();
                if (!service.awaitRunning(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("the stream processor did not start (state " + service.state() + ")");
                }
                IngestSummary published = ReplayJob.run(inputs,
                        Publishing.options(conn, kafka, topics.raw(), ProgressListener.NONE), ReplayOptions.of(ReplaySpeed.MAX));
                long sent = published.sent();
                if (published.failedSends() > 0) {
                    err.println("scan: WARNING " + published.failedSends() + " inputs could not be written to Kafka: "
                            + String.join("; ", published.failures()));
                }
                if (published.skippedFiles() > 0) {
                    err.println("scan: skipped " + published.skippedFiles() + " files of unsupported types, e.g. "
                            + String.join(", ", published.skippedExamples()));
                }
                collector.awaitAccounted(sent, Duration.ofMinutes(5), service::isLive);
                Map<String, List<JsonNode>> results = collector.snapshot();
                ScanFiles.write(out, "articles", results.get(topics.articles()), ScanFiles.BY_TIME_THEN_ID);
                ScanFiles.write(out, "duplicates", results.get(topics.duplicates()), ScanFiles.BY_TIME_THEN_ID);
                ScanFiles.write(out, "alerts", results.get(topics.alerts()), ScanFiles.BY_TIME_THEN_ID);
                ScanFiles.write(out, "rejected", results.get(topics.rejected()), ScanFiles.BY_ORIGIN);
                err.printf(Locale.ROOT, "scan: %d inputs -> %d articles, %d duplicates, %d rejected; %d alerts "
                        + "(%.1f s). Wrote %s/{articles,duplicates,alerts,rejected}.jsonl%n", sent,
                        results.get(topics.articles()).size(), results.get(topics.duplicates()).size(),
                        results.get(topics.rejected()).size(), results.get(topics.alerts()).size(),
                        (System.nanoTime() - t0) / 1e9, out);
                err.flush();
            }
        } finally {
            deleteQuietly(work);
        }
        return ExitCodes.OK;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is not worth failing the scan for
        }
    }
}
