package dev.newsmon.app;

import dev.newsmon.topology.TopicSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Publishes an archive in event-time order with the original timestamps.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARCHIVE", description = "Files or folders.")
    List<String> inputs;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|Nx",
            description = "max (as fast as possible) or a factor of real time such as 1x, 10x. Default: ${DEFAULT-VALUE}.")
    String speed;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Verbosity.apply(kafka.verbose, false);
        for (String in : inputs) {
            if (!Files.exists(Path.of(in))) {
                throw new ExitCodes.UsageException("archive not found: " + in);
            }
        }
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 4, (short) -1);
            long sent = InputPublisher.publish(conn.clientConfig(), kafka.topics().raw(), inputs);
            spec.commandLine().getErr().println("replay: published " + sent + " records to " + kafka.topics().raw());
        }
        return ExitCodes.OK;
    }
}
