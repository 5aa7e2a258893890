package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two data directories at once: the second embedded broker takes another port and records it in its data dir. */
class DataDirsIT {

    @TempDir
    Path tmp;

    @Test
    void aSecondDataDirWorksWhileTheFirstHoldsTheDefaultPort() {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        // the broker of a demo running in the first data dir, on the default port when it is free
        try (EmbeddedKafkaBroker demo = EmbeddedKafkaBroker.persistent(first.resolve("broker"),
                KafkaOptions.EMBEDDED_PORT).start()) {
            assertThat(run("watchlist", "add", "tobruk", "--data-dir", second.toString())).isZero();
            StringWriter listed = new StringWriter();
            assertThat(run(listed, "watchlist", "list", "--data-dir", second.toString())).isZero();
            assertThat(listed.toString()).contains("tobruk");
            int secondPort = EmbeddedKafkaBroker.savedPort(second.resolve("broker")).orElseThrow();
            assertThat(demo.bootstrapServers()).doesNotEndWith(":" + secondPort);
        }
    }

    private static int run(String... args) {
        return run(new StringWriter(), args);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
