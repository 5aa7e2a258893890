package dev.newsmon.app;

import dev.newsmon.producers.IngestJob;
import dev.newsmon.producers.IngestOptions;
import dev.newsmon.producers.ProgressListener;
import java.util.List;

/** The CLI's bridge to the producers module: options from the connection, argument checks. */
final class Publishing {

    private Publishing() {
    }

    static IngestOptions options(KafkaConnection conn, KafkaOptions kafka, String topic, ProgressListener progress) {
        IngestOptions defaults = IngestOptions.of(conn.bootstrapServers(), topic);
        return defaults.withClientProperties(conn.clientProperties())
                .withReader(defaults.reader().withMaxBytes(kafka.articleLimit()))
                .withProgress(progress);
    }

    /** Exit 2 before connecting when a path does not exist or a URL cannot be fetched. */
    static void checkInputs(List<String> inputs) {
        List<String> problems = IngestJob.unusableInputs(inputs);
        if (!problems.isEmpty()) {
            throw new ExitCodes.UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.get(0) + " (and " + (problems.size() - 1) + " more)");
        }
    }
}
