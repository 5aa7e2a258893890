package dev.newsmon.app;

import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.PublishException;
import dev.newsmon.producers.ReplayJob;
import dev.newsmon.producers.ReplayOptions;
import dev.newsmon.producers.ReplaySpeed;
import dev.newsmon.topology.TopicSetup;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Publishes an archive in event-time order (publishedAt; ties keep input order) with the "
                + "original timestamps and a sequence number, so the pipeline decides exactly as it would have live.",
                "Use --topic-prefix (and a separate --application-id for 'run') to keep a replay apart from live data."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARCHIVE", description = "Files or folders (jsonl, json, txt, html, rss/atom).")
    List<String> inputs;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|Nx",
            description = "max (as fast as possible) or a factor of event time: 1x real time, 10x, 0.5x; any single "
                    + "wait is capped at 5 s. Default: ${DEFAULT-VALUE}.")
    String speed;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Verbosity.apply(kafka.verbose, false);
        ReplaySpeed replaySpeed;
        try {
            replaySpeed = ReplaySpeed.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException("--speed: " + e.getMessage());
        }
        Publishing.checkInputs(inputs);
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 4, (short) -1);
            ProgressPrinter progress = ProgressPrinter.forConsole("replay", err);
            IngestSummary summary;
            try {
                summary = ReplayJob.run(inputs, Publishing.options(conn, kafka.topics().raw(), progress),
                        ReplayOptions.of(replaySpeed));
            } catch (PublishException e) {
                progress.finish();
                throw new IllegalStateException(e.getMessage() + " (" + e.summary().describe() + ")", e);
            }
            progress.finish();
            err.println("replay: " + summary.describe() + " -> " + kafka.topics().raw());
            return summary.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
