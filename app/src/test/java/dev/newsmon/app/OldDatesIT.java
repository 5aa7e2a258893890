package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Articles dated before 1970 (and in year 1) among good ones, through the real producer, a real broker and the real
 * topology ({@code scan}): each input is accounted for exactly once, the old ones as articles with their own dates,
 * nothing rejected, and no gap skipped by the sequencer (which would cost its 30 s timeout).
 */
class OldDatesIT {

    private static final Map<Integer, String> OLD = Map.of(3, "1969-07-20T20:17:00Z", 6, "0001-01-01T00:00:00Z",
            7, "1969-12-31T23:59:59.999Z");

    @TempDir
    Path tmp;

    @Test
    void articlesDatedBefore1970AreAcceptedWithoutTouchingAnyOtherRecord() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("url", "https://old.example/story-" + i);
            a.put("title", "Harbour report number " + i);
            a.put("body", "Report " + i + ": ships came into the port of Tobruk, and the count for day " + i
                    + " was " + (i * 7) + " vessels according to the harbour office.");
            a.put("publishedAt", OLD.getOrDefault(i, String.format(Locale.ROOT, "2024-04-%02dT08:00:00Z", i)));
            lines.add(Json.write(a));
        }
        Path input = tmp.resolve("old.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        ListAppender<ILoggingEvent> sequencerLog = new ListAppender<>();
        Logger sequencer = (Logger) LoggerFactory.getLogger("dev.newsmon.topology.SequencerProcessor");
        sequencerLog.start();
        sequencer.addAppender(sequencerLog);
        long t0 = System.nanoTime();
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("scan", "--out", out.toString(), input.toString())).as("stderr: %s", err).isZero();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sequencer.detachAppender(sequencerLog);

        Map<String, List<JsonNode>> r = ScanIT.read(out);
        Map<String, Integer> seen = new TreeMap<>();
        Stream.of("articles", "duplicates", "rejected").flatMap(f -> r.get(f).stream())
                .forEach(n -> seen.merge(n.get("origin").asText(), 1, Integer::sum));
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 1; i <= lines.size(); i++) {
            expected.put(input + ":" + i, 1);
        }
        assertThat(seen).as("each input in exactly one of articles / duplicates / rejected").isEqualTo(expected);
        assertThat(r.get("rejected")).isEmpty();
        Map<String, String> dates = new TreeMap<>();
        r.get("articles").forEach(a -> dates.put(a.get("origin").asText(), a.get("publishedAt").asText()));
        OLD.forEach((line, date) -> assertThat(dates.get(input + ":" + line)).isEqualTo(date));
        assertThat(r.get("alerts")).hasSize(r.get("articles").size());
        assertThat(sequencerLog.list).as("the sequencer neither skipped a gap nor failed an item")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        System.out.printf(Locale.ROOT, "RELIABILITY | pre-1970: %d inputs (3 dated 0001..1969), %d articles,"
                + " %d rejected, each exactly once; scan %.1f s%n", lines.size(), r.get("articles").size(),
                r.get("rejected").size(), seconds);
    }
}
