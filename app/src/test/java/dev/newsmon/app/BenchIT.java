package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code ./newsmon bench} end to end on a small archive against an existing cluster: every measurement is reported,
 * and the topics it created (its own and the pipeline's internal ones) are gone afterwards. Asserts no speed.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BenchIT {

    @Test
    void measuresEverythingOnAnExternalClusterAndCleansUp(KafkaCluster kafka) throws Exception {
        Path samples = Path.of(System.getProperty("newsmon.repo", ".")).resolve("samples/archive");
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("bench", "--bootstrap-servers", kafka.bootstrapServers(), "--samples",
                samples.toString(), "--articles", "400", "--warmup", "100", "--article-kb", "2", "--latency-rate",
                "20", "--latency-duration", "2s");
        assertThat(code).as("stderr: %s", err).isZero();
        String report = out.toString();
        assertThat(report).contains("(a) raw pass-through", "(b) pipeline, exactly_once_v2", "(b)/(a)",
                "(c) ingest -> alert visible", "(d) heap used after GC", "dedup state per unique article");
        assertThat(report).containsPattern("\\(40 of 40 seen\\)");
        assertThat(report).containsPattern("RESULT .*a=\\d+ .*b=\\d+ .*p99=\\d+ .*ratio=");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Set<String> left = admin.listTopics().names().get();
            assertThat(left).noneMatch(t -> t.startsWith("bench-") || t.startsWith("newsmon-bench-"));
        }
    }
}
