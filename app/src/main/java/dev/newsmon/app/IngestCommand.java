package dev.newsmon.app;

import dev.newsmon.producers.IngestJob;
import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.PublishException;
import dev.newsmon.producers.WatchOptions;
import dev.newsmon.producers.Watcher;
import dev.newsmon.topology.TopicSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Publishes articles from files, folders (recursive) and http(s) feeds to the raw topic, in "
                + "reading order. A bad line or file never stops the rest: it is published as an error unit and "
                + "lands in 'rejected' with its reason.",
                "With --watch: keeps polling and publishes new or changed files and new feed items."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders or http(s) feed URLs.")
    List<String> inputs;

    @Option(names = "--watch", description = "Keep running: poll the inputs and publish what is new (Ctrl-C stops).")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between two polls with --watch. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where --watch remembers what it sent. "
            + "Default: <data-dir>/watch.")
    Path stateDir;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, watch);
        kafka.articleLimit();
        Publishing.checkInputs(inputs);
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 4, (short) -1);
            if (watch) {
                watch(conn, err);
                return ExitCodes.OK;
            }
            ProgressPrinter progress = ProgressPrinter.forConsole("ingest", err);
            IngestSummary summary;
            try {
                summary = IngestJob.run(inputs, Publishing.options(conn, kafka, kafka.topics().raw(), progress));
            } catch (PublishException e) {
                progress.finish();
                throw new IllegalStateException(e.getMessage() + " (" + e.summary().describe() + ")", e);
            }
            progress.finish();
            err.println("ingest: " + summary.describe() + " -> " + kafka.topics().raw());
            printErrorUnits(summary, err);
            return summary.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** Inputs that could not be read go to 'rejected' with their reason; the operator sees the first ones here. */
    static void printErrorUnits(IngestSummary summary, PrintWriter err) {
        if (summary.errorUnits() == 0) {
            return;
        }
        err.println("ingest: " + summary.errorUnits() + (summary.errorUnits() == 1 ? " input" : " inputs")
                + " could not be read and will be in the rejected topic (./newsmon rejected prints them):");
        summary.errorExamples().forEach(e -> err.println("  " + ExitCodes.oneLine(e)));
        long more = summary.errorUnits() - summary.errorExamples().size();
        if (more > 0) {
            err.println("  … and " + more + " more");
        }
        err.flush();
    }

    private void watch(KafkaConnection conn, PrintWriter err) throws InterruptedException {
        Path state = stateDir != null ? stateDir : kafka.dataDir.resolve("watch");
        try (ShutdownSignal shutdown = new ShutdownSignal();
                Watcher watcher = new Watcher(inputs, Publishing.options(conn, kafka, kafka.topics().raw(), (d, t) -> { }),
                        new WatchOptions(interval, state))) {
            Thread polling = new Thread(watcher::run, "newsmon-watcher");
            polling.start();
            err.println("ingest: watching " + String.join(", ", inputs) + " every " + interval.toSeconds()
                    + " s; Ctrl-C stops");
            err.flush();
            shutdown.await();
            watcher.stop();
            polling.join(30_000);
            err.println("ingest: " + watcher.summary().describe());
        }
    }
}
