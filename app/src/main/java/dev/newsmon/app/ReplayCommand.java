package dev.newsmon.app;

import dev.newsmon.producers.IngestSummary;
import dev.newsmon.producers.PublishException;
import dev.newsmon.producers.ReplayJob;
import dev.newsmon.producers.ReplayOptions;
import dev.newsmon.producers.ReplaySpeed;
import dev.newsmon.producers.TopicReplayJob;
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

    @Parameters(arity = "0..*", paramLabel = "ARCHIVE", description = "Files or folders (jsonl, json, txt, html, rss/atom).")
    List<String> inputs = new java.util.ArrayList<>();

    @Option(names = "--from-topic", paramLabel = "TOPIC", description = "Replay the records of this raw topic (same "
            + "cluster) instead of files, e.g. the live articles.raw into a backtest's --topic-prefix.")
    String fromTopic;

    @Option(names = "--since", paramLabel = "TIME", description = "With --from-topic: only records with event time "
            + "at or after TIME (ISO-8601), found with offsetsForTimes.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "With --from-topic: only records before TIME.")
    String until;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|Nx",
            description = "max (as fast as possible) or a factor of event time: 1x real time, 10x, 0.5x; any single "
                    + "wait is capped at 5 s. Default: ${DEFAULT-VALUE}.")
    String speed;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Verbosity.apply(kafka.verbose, false);
        kafka.articleLimit();
        ReplaySpeed replaySpeed;
        try {
            replaySpeed = ReplaySpeed.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException("--speed: " + e.getMessage());
        }
        if (fromTopic == null && inputs.isEmpty()) {
            throw new ExitCodes.UsageException("give an ARCHIVE to replay, or --from-topic TOPIC");
        }
        if (fromTopic != null && !inputs.isEmpty()) {
            throw new ExitCodes.UsageException("give either ARCHIVE paths or --from-topic, not both");
        }
        if (fromTopic == null && (since != null || until != null)) {
            throw new ExitCodes.UsageException("--since and --until apply to --from-topic");
        }
        if (fromTopic != null && fromTopic.equals(kafka.topics().raw())) {
            throw new ExitCodes.UsageException("--from-topic " + fromTopic + " is also the destination; give a "
                    + "--topic-prefix for the replay");
        }
        java.time.Instant sinceTime = time("--since", since);
        java.time.Instant untilTime = time("--until", until);
        Publishing.checkInputs(inputs);
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 4, (short) -1);
            ProgressPrinter progress = ProgressPrinter.forConsole("replay", err);
            IngestSummary summary;
            try {
                summary = fromTopic != null
                        ? TopicReplayJob.run(fromTopic, sinceTime, untilTime,
                                Publishing.options(conn, kafka, kafka.topics().raw(), progress), ReplayOptions.of(replaySpeed))
                        : ReplayJob.run(inputs, Publishing.options(conn, kafka, kafka.topics().raw(), progress),
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

    private static java.time.Instant time(String option, String value) {
        if (value == null) {
            return null;
        }
        java.time.Instant t = dev.newsmon.core.extract.Dates.parseLenient(value);
        if (t == null) {
            throw new ExitCodes.UsageException(option + ": \"" + value + "\" is not an ISO-8601 date or time");
        }
        return t;
    }
}
