package dev.newsmon.app;

import dev.newsmon.producers.IngestJob;
import dev.newsmon.producers.IngestOptions;
import dev.newsmon.producers.ProgressListener;
import java.util.List;

/** The CLI's bridge to the producers module: options from the connection, argument checks. */
final class Publishing {

    private Publishing() {
    }

    static IngestOptions options(KafkaConnection conn, String topic, ProgressListener progress) {
        return IngestOptions.of(conn.bootstrapServers(), topic).withClientProperties(conn.clientProperties())
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
