package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two app instances on four partitions decide exactly as one instance on one partition: same ids, same duplicate
 * decisions (and of which original), same alert ids.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class MultiInstanceIT {

    @TempDir
    Path tmp;

    @Test
    void twoInstancesOnFourPartitionsDecideLikeOneOnOne(KafkaCluster kafka) throws Exception {
        Path archive = Path.of(System.getProperty("newsmon.repo", ".")).resolve("samples/archive");

        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("scan", "--out", tmp.resolve("ref").toString(), "--partitions", "1",
                archive.toString())).as(err.toString()).isZero();
        Map<String, List<JsonNode>> reference = ScanIT.read(tmp.resolve("ref"));

        Topics topics = Topics.withPrefix(kafka.unique("multi"));
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 4, (short) 1);
        TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
        String appId = kafka.unique("multi-app");
        TopologyConfig config = TopologyConfig.defaults(topics);
        try (NewsmonService first = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(), appId,
                Files.createDirectories(tmp.resolve("state-1")), 1, topics, Map.of()), config);
                NewsmonService second = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(), appId,
                        Files.createDirectories(tmp.resolve("state-2")), 1, topics, Map.of()), config);
                OutputCollector collector = new OutputCollector(client, topics).start()) {
            first.start();
            second.start();
            assertThat(first.awaitRunning(Duration.ofSeconds(90))).isTrue();
            assertThat(second.awaitRunning(Duration.ofSeconds(90))).isTrue();
            assertThat(first.streams().metadataForLocalThreads()).isNotEmpty();
            assertThat(second.streams().metadataForLocalThreads()).isNotEmpty();

            IngestSummary sent = ReplayJob.run(List.of(archive.toString()),
                    IngestOptions.of(kafka.bootstrapServers(), topics.raw()), ReplayOptions.of(ReplaySpeed.MAX));
            collector.awaitAccounted(sent.sent(), Duration.ofMinutes(2), () -> first.isLive() && second.isLive());
            // Both instances did work: each owns tasks of the parallel stage.
            assertThat(activeTasks(first) + activeTasks(second)).isGreaterThanOrEqualTo(4);
            assertThat(activeTasks(first)).isPositive();
            assertThat(activeTasks(second)).isPositive();

            Map<String, List<JsonNode>> cluster = new TreeMap<>();
            Map<String, List<JsonNode>> snapshot = collector.snapshot();
            cluster.put("articles", snapshot.get(topics.articles()));
            cluster.put("duplicates", snapshot.get(topics.duplicates()));
            cluster.put("alerts", snapshot.get(topics.alerts()));
            cluster.put("rejected", snapshot.get(topics.rejected()));

            assertThat(decisions(cluster)).isEqualTo(decisions(reference));
            assertThat(alertIds(cluster)).isEqualTo(alertIds(reference));
            assertThat(reference.get("duplicates")).isNotEmpty();
        }
    }

    private static long activeTasks(NewsmonService s) {
        return s.streams().metadataForLocalThreads().stream().mapToLong(t -> t.activeTasks().size()).sum();
    }

    /** Input file name (without the archive path) → decision with ids. */
    private static Map<String, String> decisions(Map<String, List<JsonNode>> r) {
        Map<String, String> d = new TreeMap<>();
        r.get("articles").forEach(n -> d.put(tail(n), "article " + n.get("id").asText()));
        r.get("duplicates").forEach(n -> d.put(tail(n), "duplicate " + n.get("id").asText() + " of "
                + n.get("duplicateOf").asText() + " by " + n.get("method").asText()));
        r.get("rejected").forEach(n -> d.put(tail(n), "rejected"));
        return d;
    }

    private static String tail(JsonNode n) {
        String origin = n.get("origin").asText();
        return origin.substring(origin.indexOf("samples/archive/"));
    }

    private static List<String> alertIds(Map<String, List<JsonNode>> r) {
        return r.get("alerts").stream().map(a -> a.get("alertId").asText()).sorted().toList();
    }
}
