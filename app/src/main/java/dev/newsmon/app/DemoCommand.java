package dev.newsmon.app;

import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.ProgressListener;
import dev.newsmon.producers.ReplayJob;
import dev.newsmon.producers.ReplayOptions;
import dev.newsmon.producers.ReplaySpeed;
import dev.newsmon.producers.WatchOptions;
import dev.newsmon.producers.Watcher;
import dev.newsmon.topology.run.NewsmonService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Starts an embedded Kafka broker (data in --data-dir, kept across restarts), the topology and "
                + "an alert printer, ingests the bundled sample archive and prints alerts as they happen. "
                + "Keeps running until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    static final Duration DEMO_HORIZON = Duration.ofDays(3650);
    static final String EARLIER_MARKER = "[earlier] ";

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", description = "Archive to ingest. Default: the bundled samples/archive.")
    Path samples;

    @Option(names = "--pace", paramLabel = "DURATION", defaultValue = "150ms", converter = DurationConverter.class,
            description = "Pause after each sample article, so alerts arrive one by one. Default: ${DEFAULT-VALUE}.")
    Duration pace;

    @Mixin
    ServiceOptions service;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, false);
        kafka.articleLimit();
        Path archive = samples != null ? samples : defaultSamples();
        if (!Files.isDirectory(archive)) {
            throw new ExitCodes.UsageException("sample archive not found: " + archive + " (give --samples DIR)");
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--dedup-horizon")) {
            // The sample archive spans years: remember all of it, so a restarted demo recognises its re-sent samples.
            service.dedupHorizon = DEMO_HORIZON;
        }
        // The HTTP API is read-only without a token; the demo makes one up so its page can change the watchlist.
        boolean generatedToken = service.httpToken == null || service.httpToken.isBlank();
        if (generatedToken) {
            service.httpToken = newToken();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaConnection conn = KafkaConnection.open(kafka)) {
            err.println("newsmon demo: Kafka at " + conn.bootstrapServers()
                    + (conn.startedEmbeddedBroker() ? " (embedded broker, data in " + kafka.dataDir + ")" : ""));
            try (RunCommand.RunningPipeline pipeline = RunCommand.RunningPipeline.start(conn, kafka, service)) {
                NewsmonService processor = pipeline.processor();
                if (!processor.awaitRunning(Duration.ofSeconds(120))) {
                    throw new IllegalStateException("the stream processor did not start (state " + processor.state() + ")");
                }
                if (pipeline.http() != null) {
                    err.println("newsmon demo: live page on http://" + service.httpHost + ":"
                            + pipeline.http().port() + "/ (alerts as they happen, entity trends, watchlist)");
                    if (generatedToken) {
                        err.println("newsmon demo: to change the watchlist on the page, use the API token "
                                + service.httpToken);
                    }
                }
                err.println("newsmon demo: alerts for tracked entities (watchlist: ./newsmon watchlist list):");
                err.flush();
                AlertFormatter formatter = new AlertFormatter(AlertFormatter.Format.TEXT, System.console() != null);
                try (AlertFollower printer = new AlertFollower(conn.clientConfig(), kafka.topics().alerts(), true,
                        formatter::format, out, a -> true)) {
                    // A restarted demo prints the alerts of its earlier runs again (its samples are recognised as
                    // copies, so they raise none anew): they are marked, so they are not taken for new ones.
                    if (printer.markEarlier(EARLIER_MARKER) > 0) {
                        err.println("newsmon demo: alerts of earlier runs in " + kafka.dataDir + " are marked "
                                + EARLIER_MARKER.strip() + "; new alerts are not");
                        err.flush();
                    }
                    printer.start();
                    // Paced so that alerts visibly arrive one after another, in publication order.
                    IngestSummary sent = ReplayJob.run(List.of(archive.toString()),
                            Publishing.options(conn, kafka, kafka.topics().raw(), (done, total) -> pause(pace)),
                            ReplayOptions.of(ReplaySpeed.MAX));
                    Path inbox = kafka.dataDir.resolve("inbox");
                    Files.createDirectories(inbox);
                    err.println("newsmon demo: ingested " + sent.sent() + " sample articles from " + archive
                            + ". Drop more files into " + inbox + " to see them processed. Ctrl-C stops.");
                    err.println("newsmon demo: other terminals: ./newsmon alerts --follow | ./newsmon watchlist add ID");
                    err.flush();
                    try (Watcher watcher = new Watcher(List.of(inbox.toString()),
                            Publishing.options(conn, kafka, kafka.topics().raw(), ProgressListener.NONE),
                            new WatchOptions(Duration.ofSeconds(2), kafka.dataDir.resolve("watch")))) {
                        Thread watching = new Thread(watcher::run, "newsmon-inbox-watcher");
                        watching.setDaemon(true);
                        watching.start();
                        shutdown.await();
                        err.println("newsmon demo: stopping");
                        watcher.stop();
                        watching.join(5000);
                    }
                }
            }
        }
        return ExitCodes.OK;
    }

    private static String newToken() {
        byte[] bytes = new byte[9];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where ./newsmon lives (it passes its folder; the Docker image passes /app): the bundled samples are there. */
    static final String INSTALL_DIR_PROPERTY = "newsmon.install.dir";

    /** samples/archive in the install dir (set by ./newsmon), else in the working directory. */
    static Path defaultSamples() {
        String home = System.getProperty(INSTALL_DIR_PROPERTY);
        return home != null ? Path.of(home, "samples", "archive") : Path.of("samples", "archive");
    }
}
