package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Trend alerts on a real broker through {@code scan --trends}: a spike fires once, copies of its stories do not
 * inflate it, and the same archive gives the same trend alerts whatever the partition count; without
 * {@code --trends}, alerts.jsonl stays one alert per new article.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class TrendIT {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final int SPIKE = 7;
    private static final int COPIES = 12;

    @TempDir
    Path tmp;

    private Path archive;

    @BeforeEach
    void writeArchive() throws Exception {
        Stories stories = new Stories(42L);
        List<String> lines = new ArrayList<>();
        // Two quiet days: Tobruk in the news every six hours.
        for (int h = 0; h < 48; h += 6) {
            lines.add(stories.arabic(h % 12 == 0 ? "طبرق" : "لطبرق", START.plus(Duration.ofHours(h))));
        }
        // Then, within forty minutes, seven new stories, each re-published elsewhere too.
        Instant spike = START.plus(Duration.ofHours(50));
        List<String> spikeStories = new ArrayList<>();
        for (int i = 0; i < SPIKE; i++) {
            spikeStories.add(stories.arabic(i % 2 == 0 ? "طبرق" : "وبطبرق", spike.plus(Duration.ofMinutes(6L * i))));
        }
        lines.addAll(spikeStories);
        for (int i = 0; i < COPIES; i++) {
            lines.add(Stories.copy(spikeStories.get(i % SPIKE), "copy-" + i));
        }
        archive = Files.createDirectories(tmp.resolve("archive"));
        Files.write(archive.resolve("tobruk.jsonl"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void spikeFiresOnceCopiesDoNotCountAndReplaysAgree(KafkaCluster kafka) throws Exception {
        Map<String, List<JsonNode>> one = scan(kafka, "one", "--partitions", "1", "--trends");
        List<JsonNode> trends = kind(one.get("alerts"), "trend");
        assertThat(trends).as("one trend alert for the spike").hasSize(1);
        JsonNode trend = trends.get(0);
        assertThat(trend.get("matches").findValuesAsText("entityId")).containsExactly("tobruk");
        assertThat(one.get("duplicates")).hasSize(COPIES);

        // The count is the unique articles of the window: what articles.jsonl holds there, copies excluded.
        Instant from = Instant.parse(trend.get("trend").get("windowStart").asText());
        Instant to = Instant.parse(trend.get("trend").get("windowEnd").asText());
        long unique = one.get("articles").stream()
                .filter(a -> !Instant.parse(a.get("publishedAt").asText()).isBefore(from)
                        && Instant.parse(a.get("publishedAt").asText()).isBefore(to))
                .filter(a -> a.get("entities").findValuesAsText("id").contains("tobruk")).count();
        assertThat(trend.get("trend").get("count").asLong()).isEqualTo(unique).isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo(SPIKE);

        Map<String, List<JsonNode>> three = scan(kafka, "three", "--partitions", "3", "--trends");
        assertThat(ScanIT.withoutDetectedAt(kind(three.get("alerts"), "trend")))
                .as("the same trend alerts on three partitions (but for the wall-clock detectedAt)")
                .isEqualTo(ScanIT.withoutDetectedAt(trends));

        Map<String, List<JsonNode>> plain = scan(kafka, "plain", "--partitions", "2");
        assertThat(kind(plain.get("alerts"), "trend")).isEmpty();
        assertThat(plain.get("alerts")).hasSize(plain.get("articles").size())
                .allSatisfy(a -> assertThat(a.get("kind").asText()).isEqualTo("article"));
    }

    private Map<String, List<JsonNode>> scan(KafkaCluster kafka, String name, String... options) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("scan", "--bootstrap-servers", kafka.bootstrapServers(),
                "--out", out.toString(), "--trend-min-count", "5"));
        args.addAll(List.of(options));
        args.add(archive.toString());
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args.toArray(String[]::new))).as("scan %s: %s", name, err).isZero();
        return ScanIT.read(out);
    }

    private static List<JsonNode> kind(List<JsonNode> alerts, String kind) {
        return alerts.stream().filter(a -> a.get("kind").asText().equals(kind)).toList();
    }
}
