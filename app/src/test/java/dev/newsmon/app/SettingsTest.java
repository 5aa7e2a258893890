package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option values: command line, then NEWSMON_* variables, then the config file, then built-in defaults. */
class SettingsTest {

    @TempDir
    Path tmp;

    private RunCommand parseRun(Settings settings, String... args) {
        CommandLine cli = new CommandLine(new NewsmonCommand());
        cli.setDefaultValueProvider(settings);
        KafkaOptions.settings = settings;
        cli.parseArgs(args);
        return cli.getSubcommands().get("run").getCommand();
    }

    @Test
    void yamlFileGivesDefaultsAndKafkaProperties() throws Exception {
        Path yaml = Files.writeString(tmp.resolve("newsmon.yaml"), String.join("\n",
                "bootstrap-servers: kafka-1:9092,kafka-2:9092",
                "threads: 3",
                "dedup-horizon: 7d",
                "kafka:",
                "  security.protocol: SASL_SSL",
                "  sasl.mechanism: PLAIN",
                ""), StandardCharsets.UTF_8);
        Settings s = new Settings(Settings.load(yaml), Map.of());
        RunCommand run = parseRun(s, "run");
        assertThat(run.kafka.bootstrapServers).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(run.service.threads).isEqualTo(3);
        assertThat(run.service.dedupHorizon).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(run.kafka.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(run.service.httpPort).as("built-in default").isEqualTo(8080);
    }

    @Test
    void environmentBeatsTheFileAndTheCommandLineBeatsBoth() throws Exception {
        Path props = Files.writeString(tmp.resolve("newsmon.properties"),
                "threads=3\nhttp-port=9000\nkafka.client.id=from-file\n", StandardCharsets.UTF_8);
        Settings s = new Settings(Settings.load(props), Map.of("NEWSMON_THREADS", "5",
                "NEWSMON_KAFKA_CLIENT_ID", "from-env"));
        RunCommand run = parseRun(s, "run", "--http-port", "9100");
        assertThat(run.service.threads).isEqualTo(5);
        assertThat(run.service.httpPort).isEqualTo(9100);
        assertThat(run.kafka.clientProperties()).containsEntry("client.id", "from-env");

        RunCommand withX = parseRun(s, "run", "-X", "client.id=from-cli");
        assertThat(withX.kafka.clientProperties()).containsEntry("client.id", "from-cli");
    }

    @Test
    void configFileIsFoundAmongTheArguments() throws Exception {
        Path props = Files.writeString(tmp.resolve("c.properties"), "topic-prefix=replay7\n", StandardCharsets.UTF_8);
        Settings s = Settings.forArgs(new String[] {"alerts", "--config", props.toString()}, Map.of());
        assertThat(parseRun(s, "run").kafka.topics().raw()).isEqualTo("replay7.articles.raw");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        assertThat(Main.run("alerts", "--config", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
    }

    @Test
    void trendsAreOnByDefaultAndNoTrendsTurnsThemOff() {
        Settings none = new Settings(Map.of(), Map.of());
        assertThat(parseRun(none, "run").service.trends).isTrue();
        assertThat(parseRun(none, "run", "--no-trends").service.trends).isFalse();
        assertThat(parseRun(none, "run", "--trends").service.trends).isTrue();
    }
}
