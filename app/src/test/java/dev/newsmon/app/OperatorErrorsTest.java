package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What an operator sees for a wrong address, an unusable --out, a typo, an unknown setting: the cause, at once. */
class OperatorErrorsTest {

    /** A bound on a hung check, far above the ≤ 10 s the cluster check promises; not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void anUnresolvableBootstrapHostIsNamedWithTheCauseInOneLine() {
        int code = assertTimeoutPreemptively(HANG_GUARD,
                () -> run("alerts", "--bootstrap-servers", "no-such-host.invalid:9092"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("no-such-host.invalid:9092", "cannot be resolved", "security.protocol=PLAINTEXT")
                .doesNotContain("\tat ");
    }

    @Test
    void aRefusedPortIsNamedWithWhatToCheck() {
        int code = assertTimeoutPreemptively(HANG_GUARD, () -> run("watchlist", "list", "--bootstrap-server", "127.0.0.1:1"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("127.0.0.1:1", "refused", "broker is running");
    }

    @Test
    void aPortThatIsNotKafkaIsReportedWithinTheCheckTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String address = "127.0.0.1:" + silent.getLocalPort();
            int code = assertTimeoutPreemptively(HANG_GUARD, () -> run("alerts", "--bootstrap-servers", address,
                    "-X", "security.protocol=SSL"));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains(address, "security.protocol=SSL", "did not answer",
                    "advertised.listeners");
        }
    }

    @Test
    void theCauseOfAWrappedKafkaFailureIsInTheOneLineMessage() {
        KafkaException wrapped = new KafkaException("Failed to create new KafkaAdminClient",
                new ConfigException("No resolvable bootstrap urls given in bootstrap.servers"));
        assertThat(ExitCodes.message(wrapped)).contains("Failed to create new KafkaAdminClient",
                "No resolvable bootstrap urls");
    }

    @Test
    void anOutThatIsAFileSaysSo() throws Exception {
        Path input = Files.writeString(tmp.resolve("a.txt"), "A headline that is long enough\nbody", StandardCharsets.UTF_8);
        Path file = Files.writeString(tmp.resolve("file"), "x", StandardCharsets.UTF_8);
        assertThat(run("scan", "--out", file.toString(), input.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file.toString(), "is a file");
        err.getBuffer().setLength(0);
        assertThat(run("scan", "--out", file.resolve("sub").toString(), input.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot be created", file + " is a file");
    }

    @Test
    void typosGetDidYouMean() {
        assertThat(run("alrets")).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean").contains("alerts");
        assertThat(err.toString().strip().lines()).hasSize(1);
        err.getBuffer().setLength(0);
        assertThat(run("alerts", "--formt", "json")).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean").contains("--format");
    }

    @Test
    void theKafkaToolsSpellingOfBootstrapServerIsAccepted() {
        CommandLine cli = Main.commandLine();
        cli.parseArgs("alerts", "--bootstrap-server", "kafka-1:9092");
        AlertsCommand alerts = cli.getSubcommands().get("alerts").getCommand();
        assertThat(alerts.kafka.bootstrapServers).isEqualTo("kafka-1:9092");
    }

    @Test
    void versionIsTheProjectVersion() {
        assertThat(run("-V")).isZero();
        assertThat(out.toString()).matches("(?s)newsmon \\d+\\.\\d+\\.\\d+\\S* \\(Kafka .*").doesNotContain("dev");
    }

    @Test
    void helpNeverBreaksAToken() {
        checkHelp(Main.commandLine());
    }

    private static void checkHelp(CommandLine cmd) {
        StringWriter help = new StringWriter();
        cmd.usage(new PrintWriter(help, true), CommandLine.Help.Ansi.OFF);
        Set<String> rendered = new HashSet<>(Arrays.asList(help.toString().split("\\s+")));
        for (OptionSpec option : cmd.getCommandSpec().options()) {
            for (String line : option.description()) {
                for (String token : line.split("\\s+")) {
                    if (!token.isEmpty() && !token.contains("${") && !token.contains("%")) {
                        assertThat(rendered).as(cmd.getCommandSpec().qualifiedName() + " " + option.longestName()
                                + ": token \"" + token + "\" is broken in\n" + help).contains(token);
                    }
                }
            }
        }
        cmd.getSubcommands().values().forEach(OperatorErrorsTest::checkHelp);
    }

    @Test
    void anUnknownSettingInTheConfigFileIsAnErrorWithTheClosestName() throws Exception {
        Path props = Files.writeString(tmp.resolve("c.properties"), "threds=3\n", StandardCharsets.UTF_8);
        Settings s = Settings.forArgs(new String[] {"--config", props.toString()}, Map.of());
        Set<String> names = Main.optionNames(Main.commandLine());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.check(names))
                .isInstanceOf(ExitCodes.UsageException.class).hasMessageContaining("threds")
                .hasMessageContaining("did you mean \"threads\"");
        assertThat(Main.run("alerts", "--config", props.toString())).isEqualTo(2);
    }

    @Test
    void unknownVariablesAndTheOldDataDirNameAreWarnedAbout() {
        Set<String> names = Main.optionNames(Main.commandLine());
        Settings s = new Settings(Map.of(), Map.of("NEWSMON_THREDS", "4", "NEWSMON_HOME", "/srv/newsmon"));
        assertThat(s.check(names)).anySatisfy(w -> assertThat(w).contains("NEWSMON_THREDS", "NEWSMON_THREADS"))
                .anySatisfy(w -> assertThat(w).contains("NEWSMON_HOME", "NEWSMON_DATA_DIR"));
        CommandLine cli = new CommandLine(new NewsmonCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(s);
        cli.parseArgs("alerts");
        AlertsCommand alerts = cli.getSubcommands().get("alerts").getCommand();
        assertThat(alerts.kafka.dataDir).isEqualTo(Path.of("/srv/newsmon"));

        Settings both = new Settings(Map.of(), Map.of("NEWSMON_DATA_DIR", "/data", "NEWSMON_HOME", "/srv/newsmon"));
        CommandLine cli2 = new CommandLine(new NewsmonCommand());
        cli2.setCaseInsensitiveEnumValuesAllowed(true);
        cli2.setDefaultValueProvider(both);
        cli2.parseArgs("alerts");
        assertThat(((AlertsCommand) cli2.getSubcommands().get("alerts").getCommand()).kafka.dataDir)
                .isEqualTo(Path.of("/data"));
    }

    @Test
    void aKafkaClientPropertiesFileIsReadAndUnknownKeysAreReported() throws Exception {
        Path props = Files.writeString(tmp.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsecurity.protocoll=SSL\n", StandardCharsets.UTF_8);
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs("alerts", "--command-config", props.toString(), "-X", "sasl.mechanism=SCRAM-SHA-512",
                "-X", "newsmon.rocksdb.memory.mb=64", "-X", "producer.linger.ms=5");
        AlertsCommand alerts = cli.getSubcommands().get("alerts").getCommand();
        assertThat(alerts.kafka.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(err.toString()).contains("security.protocoll", "did you mean \"security.protocol\"")
                .doesNotContain("newsmon.rocksdb").doesNotContain("linger");
        assertThat(run("alerts", "--command-config", tmp.resolve("missing.properties").toString(),
                "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
    }
}
