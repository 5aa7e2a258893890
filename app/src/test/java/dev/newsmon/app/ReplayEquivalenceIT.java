package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;


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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A live run, a replay of its raw topic into separate topics (and application id), and a replay of the archive
 * files give the same alerts; the replays leave the live alerts alone.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ReplayEquivalenceIT {

    @TempDir
    Path tmp;

    @Test
    void replaysGiveTheLiveAlertsWithoutDisturbingThem(KafkaCluster kafka) throws Exception {
        Path archive = Path.of(System.getProperty("newsmon.repo", ".")).resolve("samples/archive");
        String base = kafka.unique("eq");
        Topics live = Topics.withPrefix(base + "-live");
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());

        List<String> liveAlerts;
        try (Pipeline p = new Pipeline(kafka, live, tmp.resolve("live"))) {
            IngestSummary sent = ReplayJob.run(List.of(archive.toString()),
                    IngestOptions.of(kafka.bootstrapServers(), live.raw()), ReplayOptions.of(ReplaySpeed.MAX));
            liveAlerts = p.awaitAlertIds(sent.sent());
        }
        assertThat(liveAlerts).isNotEmpty();

        // Replay the live raw topic into backtest topics with their own application id.
        Topics fromTopic = Topics.withPrefix(base + "-bt1");
        try (Pipeline p = new Pipeline(kafka, fromTopic, tmp.resolve("bt1"))) {
            CommandLine cli = Main.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            assertThat(cli.execute("replay", "--from-topic", live.raw(), "--topic-prefix", base + "-bt1",
                    "--bootstrap-servers", kafka.bootstrapServers())).as(err.toString()).isZero();
            assertThat(p.awaitAlertIds(51)).isEqualTo(liveAlerts);
        }

        // Replay the archive files the same way.
        Topics fromFiles = Topics.withPrefix(base + "-bt2");
        try (Pipeline p = new Pipeline(kafka, fromFiles, tmp.resolve("bt2"))) {
            assertThat(Main.commandLine().execute("replay", archive.toString(), "--topic-prefix", base + "-bt2",
                    "--bootstrap-servers", kafka.bootstrapServers())).isZero();
            assertThat(p.awaitAlertIds(51)).isEqualTo(liveAlerts);
        }

        // The live topics saw nothing of the replays.
        try (OutputCollector c = new OutputCollector(client, live).start()) {
            c.awaitAccounted(51, Duration.ofSeconds(30), () -> true);
            Thread.sleep(1000);
            assertThat(c.accounted()).isEqualTo(51);
            assertThat(c.count(live.alerts())).isEqualTo(liveAlerts.size());
        }
    }

    /** Topics, a running processor with its own application id, and a collector of its outputs. */
    private static final class Pipeline implements AutoCloseable {
        private final NewsmonService service;
        private final OutputCollector collector;
        private final Topics topics;

        Pipeline(KafkaCluster kafka, Topics topics, Path state) throws Exception {
            this.topics = topics;
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            TopicSetup.ensureTopics(client, topics, 3, (short) 1);
            TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
            service = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(), kafka.unique("app"),
                    Files.createDirectories(state), 1, topics, Map.of()), TopologyConfig.defaults(topics));
            service.start();
            if (!service.awaitRunning(Duration.ofSeconds(90))) {
                throw new IllegalStateException("processor did not start");
            }
            collector = new OutputCollector(client, topics).start();
        }

        List<String> awaitAlertIds(long inputs) throws InterruptedException {
            collector.awaitAccounted(inputs, Duration.ofMinutes(2), service::isLive);
            return collector.snapshot().get(topics.alerts()).stream().map(a -> a.get("alertId").asText()).sorted()
                    .toList();
        }

        @Override
        public void close() throws Exception {
            collector.close();
            service.close();
        }
    }

}
