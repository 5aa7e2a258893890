package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.NewsmonService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A feed that answers 404 and a broken line: ingest prints the reasons, and `rejected` reads them back. */
@ExtendWith(EmbeddedKafkaExtension.class)
class RejectedIT {

    @TempDir
    Path tmp;

    @Test
    void ingestPrintsTheReasonsAndRejectedPrintsTheTopic(KafkaCluster kafka) throws Exception {
        String prefix = kafka.unique("rej");
        Topics topics = Topics.withPrefix(prefix);
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicSetup.ensureTopics(client, topics, 2, (short) 1);
        TopicSetup.publishWatchlist(client, topics.watchlist(), Watchlist.DEFAULT);
        HttpServer feeds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feeds.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        feeds.start();
        Path lines = Files.writeString(tmp.resolve("mixed.jsonl"), String.join("\n",
                "{\"id\":\"fine-1\",\"title\":\"A headline about the port\",\"body\":\"Ships arrived in the port.\"}",
                "{\"id\":\"broken\",\"title\": ",
                ""), StandardCharsets.UTF_8);
        String feedUrl = "http://127.0.0.1:" + feeds.getAddress().getPort() + "/missing.xml";
        try (NewsmonService service = new NewsmonService(StreamsSettings.properties(kafka.bootstrapServers(),
                kafka.unique("app"), Files.createTempDirectory(tmp, "streams-"), 1, topics, Map.of()),
                TopologyConfig.defaults(topics))) {
            service.start();
            assertThat(service.awaitRunning(Duration.ofSeconds(60))).isTrue();

            StringWriter ingestErr = new StringWriter();
            assertThat(cli(new StringWriter(), ingestErr).execute("ingest", feedUrl, lines.toString(),
                    "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix)).isZero();
            assertThat(ingestErr.toString()).contains("1 input could not be read", "./newsmon rejected", feedUrl,
                    "HTTP 404");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                StringWriter out = new StringWriter();
                assertThat(cli(out, new StringWriter()).execute("rejected", "--bootstrap-server",
                        kafka.bootstrapServers(), "--topic-prefix", prefix)).isZero();
                assertThat(out.toString().lines()).hasSize(2);
                assertThat(out.toString()).contains(feedUrl, "HTTP 404", lines + ":2", "not valid JSON", "column");
            });
            StringWriter json = new StringWriter();
            assertThat(cli(json, new StringWriter()).execute("rejected", "--format", "json", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--topic-prefix", prefix)).isZero();
            assertThat(json.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"reason\""));
        } finally {
            feeds.stop(0);
        }
    }

    private static CommandLine cli(StringWriter out, StringWriter err) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
