package dev.newsmon.app;

import dev.newsmon.topology.TopicSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Publishes articles from files, folders (recursive) and feeds to the raw topic.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders or http(s) feed URLs.")
    List<String> inputs;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        Verbosity.apply(kafka.verbose, false);
        for (String in : inputs) {
            if (!Files.exists(Path.of(in))) {
                throw new ExitCodes.UsageException("input not found: " + in);
            }
        }
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 4, (short) -1);
            long sent = InputPublisher.publish(conn.clientConfig(), kafka.topics().raw(), inputs);
            spec.commandLine().getErr().println("ingest: published " + sent + " records to " + kafka.topics().raw());
        }
        return ExitCodes.OK;
    }
}
