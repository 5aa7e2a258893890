package dev.newsmon.producers;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest PATH|URL...}: reads every input once, in reading order, and publishes each unit with a gap-free
 * sequence number. Returns when Kafka has acknowledged (or refused) every record.
 */
public final class IngestJob {

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    private IngestJob() {
    }

    /**
     * Publishes all units of the inputs.
     *
     * @throws PublishException when Kafka cannot take records at all; {@link PublishException#getMessage()} is one
     *                          sentence for the user
     */
    public static IngestSummary run(List<String> pathsOrUrls, IngestOptions options) {
        try (InputReader reader = InputReader.open(pathsOrUrls, options.reader())) {
            return publish(reader, -1, options, reader::skippedFiles, reader::skippedExamples);
        }
    }

    /**
     * Arguments that cannot work at all, one sentence each (a path that does not exist, a URL that is not http(s)),
     * so a CLI can exit with a usage error before connecting to Kafka. An explicitly named file of an unsupported
     * type is NOT listed: it is published as an error unit, like any other unusable input.
     */
    public static List<String> unusableInputs(List<String> pathsOrUrls) {
        List<String> problems = new ArrayList<>();
        for (String arg : pathsOrUrls) {
            if (InputWalker.isUrl(arg)) {
                String scheme = arg.substring(0, arg.indexOf(':')).toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    problems.add(arg + ": only http:// and https:// URLs can be fetched");
                }
                continue;
            }
            try {
                if (!Files.exists(Path.of(arg))) {
                    problems.add(arg + ": no such file or folder");
                }
            } catch (InvalidPathException e) {
                problems.add(arg + ": not a valid path (" + e.getReason() + ")");
            }
        }
        return problems;
    }

    /** Sends every unit of {@code units} in order; shared by ingest and replay. */
    static IngestSummary publish(Iterator<InputUnit> units, long total, IngestOptions options,
            LongSupplier skipped, Supplier<List<String>> skippedExamples) {
        return publish(units, total, options, skipped, skippedExamples, unit -> { });
    }

    static IngestSummary publish(Iterator<InputUnit> units, long total, IngestOptions options,
            LongSupplier skipped, Supplier<List<String>> skippedExamples,
            Consumer<InputUnit> beforeSend) {
        long start = System.nanoTime();
        UUID runId = UUID.randomUUID();
        RecordPublisher publisher = new RecordPublisher(options.producerFactory().create(options.producerProperties()),
                options.topic(), runId, options.bootstrapServers());
        LOG.info("Run {}: publishing to topic '{}' at {}", runId, options.topic(), options.bootstrapServers());
        try {
            while (units.hasNext()) {
                InputUnit unit = units.next();
                beforeSend.accept(unit);
                publisher.send(unit);
                options.progress().onProgress(publisher.sentCount(), total);
            }
            publisher.flush();
        } catch (PublishException e) {
            publisher.abort();
            IngestSummary s = summary(publisher, skipped.getAsLong(), skippedExamples.get(), start);
            LOG.error("Run {} stopped: {} ({})", runId, e.getMessage(), s.describe());
            throw new PublishException(e.getMessage(), e.getCause(), s);
        } catch (RuntimeException e) {
            publisher.abort();
            throw e;
        }
        publisher.close();
        IngestSummary s = summary(publisher, skipped.getAsLong(), skippedExamples.get(), start);
        LOG.info("Run {}: {}", runId, s.describe());
        return s;
    }

    static IngestSummary summary(RecordPublisher publisher, long skipped, List<String> examples, long startNanos) {
        RecordPublisher.Stats st = publisher.stats();
        return new IngestSummary(publisher.runId(), st.handed(), st.ackedByFormat(), st.errorUnits(), st.failed(),
                st.failures(), skipped, examples, Duration.ofNanos(System.nanoTime() - startNanos), st.errorExamples());
    }
}
