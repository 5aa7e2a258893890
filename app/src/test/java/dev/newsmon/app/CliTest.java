package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of the CLI, without a broker: 0 success, 2 unusable arguments, 1 other failure. */
class CliTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "run", "ingest", "replay", "alerts", "watchlist", "scan", "bench");
    }

    @Test
    void eachCommandHasHelp() {
        for (String cmd : new String[] {"demo", "run", "ingest", "replay", "alerts", "watchlist add",
                "watchlist remove", "watchlist list", "scan", "bench"}) {
            StringWriter o = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(o, true));
            String[] args = (cmd + " --help").split(" ");
            assertThat(cli.execute(args)).as(cmd).isZero();
            assertThat(o.toString()).as(cmd).contains("--bootstrap-servers");
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).startsWith("newsmon: ").contains("frobnicate");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void scanWithoutOutIsAUsageErrorWithOneLine() {
        assertThat(run("scan", "some-input")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void articleSizeLimitOutOfRangeIsAUsageError() throws Exception {
        Path input = Files.writeString(tmp.resolve("a.txt"), "A headline that is long enough\nbody", StandardCharsets.UTF_8);
        assertThat(run("scan", "--out", tmp.resolve("o").toString(), "--max-article-bytes", "100", input.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--max-article-bytes").contains("100");
        assertThat(run("ingest", "--max-article-bytes", "2000000", input.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("2000000");
    }

    @Test
    void scanOfAMissingInputIsAUsageError() {
        assertThat(run("scan", "--out", tmp.resolve("o").toString(), tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or folder").contains("nope");
    }

    @Test
    void invalidWatchlistFileIsAUsageError() throws Exception {
        Path input = Files.writeString(tmp.resolve("a.txt"), "A headline that is long enough\nbody", StandardCharsets.UTF_8);
        Path wl = Files.writeString(tmp.resolve("w.json"), "{\"tracked\": [{\"name\": \"x\"}]}", StandardCharsets.UTF_8);
        assertThat(run("scan", "--out", tmp.resolve("o").toString(), "--watchlist", wl.toString(), input.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("\"id\"");
    }

    @Test
    void unknownEntityInWatchlistIsAUsageError() throws Exception {
        Path input = Files.writeString(tmp.resolve("a.txt"), "A headline that is long enough\nbody", StandardCharsets.UTF_8);
        Path wl = Files.writeString(tmp.resolve("w.yaml"), "tracked:\n  - id: no-such-entity\n", StandardCharsets.UTF_8);
        assertThat(run("scan", "--out", tmp.resolve("o").toString(), "--watchlist", wl.toString(), input.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no-such-entity");
    }

    @Test
    void benchHelpNamesTheMeasurementsAndItsOptions() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("pass-through", "exactly_once_v2", "read_committed", "--articles",
                "--article-kb", "--duplicate-rate", "--arabic", "--seed", "--latency-rate", "--warmup",
                "--bootstrap-servers");
    }

    @Test
    void benchArgumentsOutOfRangeAreUsageErrorsWithOneLine() {
        String[][] bad = {{"--articles", "0"}, {"--article-kb", "0"}, {"--duplicate-rate", "1.5"},
            {"--arabic", "-0.1"}, {"--tracked-share", "2"}, {"--threads", "0"}, {"--partitions", "0"},
            {"--warmup", "-1"}, {"--latency-rate", "0"}, {"--articles", "many"}, {"--broker", "nowhere"},
            {"--samples", tmp.resolve("no-such-samples").toString()}};
        for (String[] args : bad) {
            StringWriter e = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(e, true));
            String[] all = new String[args.length + 1];
            all[0] = "bench";
            System.arraycopy(args, 0, all, 1, args.length);
            assertThat(cli.execute(all)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(e.toString().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(e.toString()).as(String.join(" ", args)).startsWith("newsmon: ");
        }
    }

    @Test
    void badPartitionCountIsAUsageError() {
        assertThat(run("scan", "--out", tmp.toString(), "--partitions", "zero", tmp.toString())).isEqualTo(2);
        assertThat(run("scan", "--out", tmp.toString(), "--partitions", "0", tmp.toString())).isEqualTo(2);
    }

    @Test
    void watchlistAddOfUnknownIdWithoutNamesIsAUsageError() {
        assertThat(run("watchlist", "add", "no-such-entity", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-entity");
    }

    @Test
    void aFailureWhileRunningExitsOneWithOneLineAndNoStackTrace() {
        // nothing listens on port 1: the cluster check fails at once
        assertThat(run("alerts", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).startsWith("newsmon: ").doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertThat(run("alerts", "--verbose", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("30d")).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(c.convert("12h")).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(c.convert("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(c.convert("PT2H")).isEqualTo(java.time.Duration.ofHours(2));
    }

    @Test
    void originsSortNaturally() {
        assertThat(ScanFiles.NaturalOrder.INSTANCE.compare("f.jsonl:2", "f.jsonl:10")).isNegative();
        assertThat(ScanFiles.NaturalOrder.INSTANCE.compare("a/b.txt", "a/c.txt")).isNegative();
        assertThat(ScanFiles.NaturalOrder.INSTANCE.compare("x:10", "x:10")).isZero();
    }

    @Test
    void replayArgumentsAreChecked() {
        assertThat(run("replay", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("ARCHIVE").contains("--from-topic");
        assertThat(run("replay", tmp.toString(), "--from-topic", "articles.raw", "--bootstrap-servers", "127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(run("replay", tmp.toString(), "--speed", "fast", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(run("replay", tmp.toString(), "--since", "2024-01-01", "--bootstrap-servers", "127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(run("replay", "--from-topic", "articles.raw", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("also the destination");
        assertThat(run("replay", "--from-topic", "x", "--since", "yesterday-ish", "--topic-prefix", "bt",
                "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
    }

    @Test
    void ingestOfAMissingPathOrABadUrlIsAUsageError() {
        assertThat(run("ingest", tmp.resolve("gone").toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(run("ingest", "ftp://feeds.example/rss", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("http");
    }

    @Test
    void alertsWebhookMustBeHttp() {
        assertThat(run("alerts", "--webhook", "mailto:desk@example.org", "--bootstrap-servers", "127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(run("alerts", "--since", "not a date", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(run("alerts", "--format", "xml", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
    }

    @Test
    void watchlistBackfillNeedsADate() {
        assertThat(run("watchlist", "add", "khalifa-haftar", "--backfill", "last week", "--bootstrap-servers",
                "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("--backfill");
        assertThat(run("watchlist", "add", "x-group", "--type", "TEAM", "--name", "X")).isEqualTo(2);
        assertThat(run("watchlist")).isEqualTo(2);
    }
}
