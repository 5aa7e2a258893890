package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the built-in tagger on the labeled dev set (src/test/resources/devset/tagging,
 * format in its README.md), per entity type and overall, counted per mention: for each text and entity,
 * min(expected, found) are true positives, the rest false positives or negatives. Prints the table and every
 * disagreement; fails below the targets.
 */
class DevSetReportTest {

    static final double TARGET_PRECISION = 0.98;
    static final double TARGET_RECALL = 0.98;
    private static final String DEVSET = "/devset/tagging/devset.jsonl";

    /** One dev-set text; {@code cls} is its class in the hard-case set ({@code ""} in the main set). */
    record Sample(String id, String lang, String cls, String title, String text, Map<String, Integer> expect) {
    }

    /** True and false positives and false negatives. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        void add(Counts o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static List<Sample> load() throws IOException {
        return load(DEVSET);
    }

    static List<Sample> load(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        try (InputStream in = DevSetReportTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                Map<String, Integer> expect = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = n.path("expect").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    expect.put(e.getKey(), e.getValue().asInt());
                }
                out.add(new Sample(n.path("id").asText(), n.path("lang").asText(), n.path("class").asText(""),
                        n.path("title").asText(""),
                        n.path("text").asText(""), expect));
            }
        }
        return out;
    }

    /** One entity of one text: expected and found mention counts, and what they make. */
    record Scored(GazetteerEntity entity, int expected, int found, Counts counts) {
    }

    /** Every entity expected in or found by the tagger in one text (an unknown id fails the test). */
    static List<Scored> score(EntityTagger tagger, Sample s) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (EntityMention m : tagger.tag(s.title(), s.text())) {
            found.put(m.id(), m.mentions());
        }
        TreeSet<String> ids = new TreeSet<>(s.expect().keySet());
        ids.addAll(found.keySet());
        List<Scored> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            GazetteerEntity entity = tagger.gazetteer().entity(id)
                    .orElseThrow(() -> new AssertionError(s.id() + ": unknown entity id " + id));
            int e = s.expect().getOrDefault(id, 0);
            int f = found.getOrDefault(id, 0);
            Counts c = new Counts();
            c.tp = Math.min(e, f);
            c.fp = Math.max(0, f - e);
            c.fn = Math.max(0, e - f);
            out.add(new Scored(entity, e, f, c));
        }
        return out;
    }

    @Test
    void precisionAndRecallPerTypeMeetTheTargets() throws IOException {
        EntityTagger tagger = EntityTagger.builtIn();
        List<Sample> samples = load();
        Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);
        Map<String, Counts> byLang = new LinkedHashMap<>();
        for (EntityType t : EntityType.values()) {
            byType.put(t, new Counts());
        }
        List<String> disagreements = new ArrayList<>();
        int expectedMentions = 0;
        for (Sample s : samples) {
            for (Scored r : score(tagger, s)) {
                expectedMentions += r.expected();
                byType.get(r.entity().type()).add(r.counts());
                byLang.computeIfAbsent(s.lang(), k -> new Counts()).add(r.counts());
                if (r.expected() != r.found()) {
                    disagreements.add(String.format(Locale.ROOT, "  %-6s %-32s expected %d, found %d", s.id(),
                            r.entity().id(), r.expected(), r.found()));
                }
            }
        }
        Counts all = new Counts();
        byType.values().forEach(all::add);

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Tagging dev set: %d texts, %d annotated mentions%n", samples.size(),
                expectedMentions));
        report.append(String.format(Locale.ROOT, "| %-8s | %5s | %4s | %4s | %9s | %6s | %5s |%n", "type", "TP", "FP", "FN",
                "precision", "recall", "F1"));
        report.append("|----------|-------|------|------|-----------|--------|-------|\n");
        byType.forEach((type, c) -> report.append(row(type.name(), c)));
        byLang.forEach((lang, c) -> report.append(row("lang=" + lang, c)));
        report.append(row("overall", all));
        report.append(disagreements.isEmpty() ? "No disagreements.\n" : "Disagreements:\n" + String.join("\n", disagreements) + "\n");
        System.out.println(report);

        assertThat(samples.size()).isGreaterThanOrEqualTo(60);
        assertThat(expectedMentions).isGreaterThanOrEqualTo(150);
        assertThat(all.precision()).as("overall precision\n" + report).isGreaterThanOrEqualTo(TARGET_PRECISION);
        assertThat(all.recall()).as("overall recall\n" + report).isGreaterThanOrEqualTo(TARGET_RECALL);
        byType.forEach((type, c) -> {
            assertThat(c.precision()).as(type + " precision\n" + report).isGreaterThanOrEqualTo(TARGET_PRECISION);
            assertThat(c.recall()).as(type + " recall\n" + report).isGreaterThanOrEqualTo(TARGET_RECALL);
        });
    }

    static String row(String label, Counts c) {
        return String.format(Locale.ROOT, "| %-8s | %5d | %4d | %4d | %9.3f | %6.3f | %5.3f |%n", label, c.tp, c.fp, c.fn,
                c.precision(), c.recall(), c.f1());
    }
}
