package dev.newsmon.app;

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

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", description = "Archive to ingest. Default: the bundled samples/.")
    Path samples;

    @Mixin
    ServiceOptions service;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, false);
        Path archive = samples != null ? samples : defaultSamples();
        if (!Files.isDirectory(archive)) {
            throw new ExitCodes.UsageException("sample archive not found: " + archive + " (give --samples DIR)");
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
                    err.println("newsmon demo: health and metrics on http://" + service.httpHost + ":"
                            + pipeline.http().port() + "/");
                }
                err.println("newsmon demo: alerts for tracked entities (watchlist: ./newsmon watchlist list):");
                err.flush();
                AlertFormatter formatter = new AlertFormatter(AlertFormatter.Format.TEXT, System.console() != null);
                try (AlertFollower printer = new AlertFollower(conn.clientConfig(), kafka.topics().alerts(), true,
                        formatter, out, a -> true).start()) {
                    long sent = InputPublisher.publish(conn.clientConfig(), kafka.topics().raw(),
                            List.of(archive.toString()));
                    err.println("newsmon demo: ingested " + sent + " records from " + archive
                            + "; Ctrl-C stops. Other terminals: ./newsmon alerts --follow, ./newsmon watchlist add ID");
                    err.flush();
                    shutdown.await();
                    err.println("newsmon demo: stopping");
                }
            }
        }
        return ExitCodes.OK;
    }

    /** samples/archive next to the launcher (set by ./newsmon as newsmon.home), else in the working directory. */
    static Path defaultSamples() {
        String home = System.getProperty("newsmon.home");
        return home != null ? Path.of(home, "samples", "archive") : Path.of("samples", "archive");
    }
}
