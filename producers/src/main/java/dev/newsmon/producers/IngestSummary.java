package dev.newsmon.producers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a producer run did.
 *
 * @param runId           the {@code newsmon.run} header of every record of the run
 * @param unitsRead       units handed to the producer (= the next seq)
 * @param sentByFormat    units acknowledged by Kafka, per {@code newsmon.format} wire name (error units included)
 * @param errorUnits      acknowledged units that carry {@code newsmon.error}
 * @param failedSends     units Kafka did not take; see {@code failures}
 * @param failures        the first distinct failure messages
 * @param skippedFiles    files inside folders that were not read (unsupported type, hidden, already visited)
 * @param skippedExamples up to five of them
 * @param elapsed         wall-clock time of the run
 * @param errorExamples   the first error units, as {@code origin: reason} (what lands in {@code rejected})
 */
public record IngestSummary(UUID runId, long unitsRead, Map<String, Long> sentByFormat, long errorUnits,
        long failedSends, List<String> failures, long skippedFiles, List<String> skippedExamples, Duration elapsed,
        List<String> errorExamples) {

    public IngestSummary {
        sentByFormat = Map.copyOf(sentByFormat);
        failures = List.copyOf(failures);
        skippedExamples = List.copyOf(skippedExamples);
        errorExamples = List.copyOf(errorExamples);
    }

    public long sent() {
        return sentByFormat.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when Kafka acknowledged every unit that was read. */
    public boolean ok() {
        return failedSends == 0 && sent() == unitsRead;
    }

    /** One line for people, e.g. {@code 1200 units sent (json 1180, html 20), 3 error units, 2 files skipped}. */
    public String describe() {
        String formats = sentByFormat.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder();
        sb.append(sent()).append(sent() == 1 ? " unit" : " units").append(" sent");
        if (!formats.isEmpty()) {
            sb.append(" (").append(formats).append(')');
        }
        sb.append(", ").append(errorUnits).append(errorUnits == 1 ? " error unit" : " error units");
        sb.append(", ").append(skippedFiles).append(skippedFiles == 1 ? " file skipped" : " files skipped");
        if (failedSends > 0) {
            sb.append(", ").append(failedSends).append(" NOT delivered (").append(String.join("; ", failures)).append(')');
        }
        sb.append(String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0));
        return sb.toString();
    }
}
