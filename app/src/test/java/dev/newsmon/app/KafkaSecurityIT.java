package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.newsmon.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Kafka security settings pass through to every client newsmon makes (admin, producers, Kafka Streams, consumers):
 * a scan against a broker that only takes SASL on its listener works with the settings from a config file, fails
 * with a one-line reason with a wrong password, and the password is in no log line even at INFO (--verbose).
 */
class KafkaSecurityIT {

    private static final String PASSWORD = "n3wsm0n-Pa55-7d1";
    private static final String WRONG = "wr0ng-Pa55-c44";

    @TempDir
    Path tmp;

    @Test
    void saslSettingsReachEveryClientAndNoSecretReachesTheLog() throws Exception {
        int port = freePortPair();
        int saslPort = freePort();
        Map<String, String> sasl = Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1)
                        + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_newsmon=\"" + PASSWORD + "\";");
        Path input = Files.writeString(tmp.resolve("a.jsonl"), "{\"id\":\"s1\",\"title\":\"Port of Tobruk\",\"body\":"
                + "\"Ships wait outside the port of Tobruk, officials said.\"}\n", StandardCharsets.UTF_8);
        Path config = Files.writeString(tmp.resolve("newsmon.yaml"), String.join("\n",
                "kafka:",
                "  security.protocol: SASL_PLAINTEXT",
                "  sasl.mechanism: PLAIN",
                "  sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"newsmon\" password=\"" + PASSWORD + "\";",
                ""), StandardCharsets.UTF_8);
        String bootstrap = "127.0.0.1:" + saslPort;

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger newsmon = (Logger) LoggerFactory.getLogger("dev.newsmon");
        Level rootLevel = root.getLevel();
        Level newsmonLevel = newsmon.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(tmp.resolve("broker"), port).withConfig(sasl)
                .start()) {
            StringWriter err = new StringWriter();
            int ok = run(err, "scan", "--verbose", "--config", config.toString(), "--bootstrap-servers", bootstrap,
                    "--out", tmp.resolve("out").toString(), input.toString());
            assertThat(ok).as("scan over SASL; stderr: %s", err).isZero();
            assertThat(Files.readAllLines(tmp.resolve("out/alerts.jsonl"))).hasSize(1);
            assertThat(log.list).as("INFO lines were captured").anyMatch(e -> e.getLevel() == Level.INFO);

            StringWriter denied = new StringWriter();
            int failed = run(denied, "scan", "-X", "security.protocol=SASL_PLAINTEXT", "-X", "sasl.mechanism=PLAIN",
                    "-X", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                            + " username=\"newsmon\" password=\"" + WRONG + "\";",
                    "--bootstrap-servers", bootstrap, "--out", tmp.resolve("out2").toString(), input.toString());
            assertThat(failed).isEqualTo(ExitCodes.FAILURE);
            assertThat(denied.toString().strip()).as("one line").doesNotContain("\n").containsIgnoringCase("authentication")
                    .doesNotContain(WRONG);
            assertThat(err.toString()).doesNotContain(PASSWORD);
            for (ILoggingEvent e : log.list) {
                assertThat(text(e)).as("log line from %s", e.getLoggerName()).doesNotContain(PASSWORD)
                        .doesNotContain(WRONG).doesNotContain("Ships wait outside the port");
            }
            System.out.printf("RELIABILITY | SASL/PLAIN: scan via config file ok, wrong password exit %d (%s); %d log"
                    + " lines at INFO and above checked, no password or article text%n", failed,
                    denied.toString().strip(), log.list.size());
        } finally {
            root.detachAppender(log);
            root.setLevel(rootLevel);
            newsmon.setLevel(newsmonLevel);
        }
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String text(ILoggingEvent e) {
        StringBuilder s = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append('\n').append(t.getMessage());
        }
        return s.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A free port whose successor is free too (the embedded broker's controller takes port + 1). */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 20; i++) {
            int p = freePort();
            try (ServerSocket next = new ServerSocket(p + 1, 50, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port pair");
    }
}
