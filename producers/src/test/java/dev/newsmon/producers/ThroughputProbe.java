package dev.newsmon.producers;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Not a test: a rough throughput probe for the read and publish paths (numbers for docs/INPUT.md). Writes a JSONL
 * archive of N articles (~5 KB of Arabic text each, shuffled dates), then times reading it, ingesting it and
 * replaying it into an embedded broker. Run: see docs/INPUT.md "Throughput".
 */
public final class ThroughputProbe {

    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("newsmon-probe-");
        Path archive = dir.resolve("archive.jsonl");
        writeArchive(archive, n);
        System.out.printf(Locale.ROOT, "archive: %d articles, %.1f MiB%n", n, Files.size(archive) / 1048576.0);

        long t0 = 0;
        for (int round = 1; round <= 2; round++) {
            t0 = System.nanoTime();
            long count = 0;
            try (InputReader r = InputReader.open(List.of(archive.toString()), ReaderOptions.defaults())) {
                while (r.hasNext()) {
                    r.next();
                    count++;
                }
            }
            report("read, round " + round + " (walk + parse for event time)", count, t0);
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary().start()) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("probe-ingest", 4, (short) 1),
                        new NewTopic("probe-replay", 4, (short) 1))).all().get();
            }
            t0 = System.nanoTime();
            IngestSummary s = IngestJob.run(List.of(archive.toString()), IngestOptions.of(bootstrap, "probe-ingest"));
            report("ingest to Kafka (acked)", s.sent(), t0);

            t0 = System.nanoTime();
            s = ReplayJob.run(List.of(archive.toString()), IngestOptions.of(bootstrap, "probe-replay"),
                    new ReplayOptions(ReplaySpeed.MAX, Duration.ofSeconds(5), dir));
            report("replay --speed max (index + sort + re-read + publish)", s.sent(), t0);
        }
    }

    private static void report(String what, long units, long startNanos) {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-55s %8d units in %6.2f s = %8.0f units/s%n", what, units, secs,
                units / secs);
    }

    private static void writeArchive(Path file, int n) throws IOException {
        String paragraph = "أعلنت السلطات المحلية في المدينة الساحلية عن خطة جديدة لإصلاح شبكة المياه وتحسين الطرق"
                + " المؤدية إلى الميناء، وقال مسؤول إن الأعمال ستبدأ الأسبوع المقبل وتستمر عدة أشهر. ";
        String body = paragraph.repeat(14);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                // Dates out of order, so the replay really sorts.
                Instant t = base.plusSeconds((i * 7919L) % n * 60);
                w.write("{\"id\":\"p-" + i + "\",\"url\":\"https://probe.example/" + i + "\",\"title\":\"خبر رقم " + i
                        + "\",\"body\":\"" + body + i + "\",\"publishedAt\":\"" + t + "\"}\n");
            }
        }
    }
}
