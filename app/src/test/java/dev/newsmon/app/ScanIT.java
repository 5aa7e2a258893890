package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./newsmon scan} end to end: a temporary real broker, the real topology, the four files. */
class ScanIT {

    private static final List<String> FILES = List.of("articles", "duplicates", "alerts", "rejected");

    @TempDir
    Path tmp;

    static Path seeds() {
        String prop = System.getProperty("newsmon.seeds");
        Path seeds = prop == null ? null : Path.of(prop);
        Assumptions.assumeTrue(seeds != null && Files.isDirectory(seeds),
                "../shared/seeds is not here (newsmon.seeds=" + prop + "): skipping the seed scan");
        return seeds;
    }

    private int scan(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertThat(code).as("scan exit code; stderr: %s", err).isZero();
        return code;
    }

    static Map<String, List<JsonNode>> read(Path dir) throws IOException {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        for (String f : FILES) {
            Path file = dir.resolve(f + ".jsonl");
            assertThat(file).exists();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                nodes.add(Json.mapper().readTree(line));
            }
            out.put(f, nodes);
        }
        return out;
    }

    @Test
    void scanOfTheSeedsAccountsForEveryInput() throws Exception {
        Path seeds = seeds();
        List<String> inputs;
        try (Stream<Path> s = Files.list(seeds)) {
            inputs = s.filter(p -> p.toString().endsWith(".txt")).map(Path::toString).sorted().toList();
        }
        Path out = tmp.resolve("out");
        scan("scan", "--out", out.toString(), seeds.toString());

        Map<String, List<JsonNode>> r = read(out);
        List<String> origins = Stream.of("articles", "duplicates", "rejected")
                .flatMap(f -> r.get(f).stream()).map(n -> n.get("origin").asText()).sorted().toList();
        assertThat(origins).as("every input in exactly one of articles/duplicates/rejected").isEqualTo(inputs);
        assertThat(r.get("rejected")).isEmpty();
        for (JsonNode a : r.get("articles")) {
            assertThat(a.fieldNames()).toIterable()
                    .contains("id", "url", "source", "title", "lang", "publishedAt", "entities");
            assertThat(a.get("lang").asText()).isEqualTo("ar");
        }
        // Seeds README: tracked by default 000 wagner; 001 wagner+tobruk; 002 wagner; 003 wagner+tobruk; 004 none.
        Map<String, List<String>> alerted = new TreeMap<>();
        Map<String, String> originById = r.get("articles").stream()
                .collect(Collectors.toMap(n -> n.get("id").asText(), n -> n.get("origin").asText()));
        for (JsonNode alert : r.get("alerts")) {
            String origin = Path.of(originById.get(alert.get("articleId").asText())).getFileName().toString();
            alerted.put(origin.substring(0, 3), alert.get("matches").findValuesAsText("entityId").stream().sorted().toList());
            for (JsonNode m : alert.get("matches")) {
                assertThat(m.get("snippet").asText()).isNotBlank();
            }
        }
        assertThat(alerted).isEqualTo(Map.of(
                "000", List.of("wagner-group"),
                "001", List.of("tobruk", "wagner-group"),
                "002", List.of("wagner-group"),
                "003", List.of("tobruk", "wagner-group")));
    }

    @Test
    void articlesOverTheSizeLimitAreRejectedWithTheirSize() throws Exception {
        Path in = tmp.resolve("sizes.jsonl");
        String longBody = "Residents of Tobruk said the port stayed open. ".repeat(60);
        Files.writeString(in, String.join("\n",
                "{\"id\":\"small\",\"title\":\"Port of Tobruk open\",\"body\":\"The port of Tobruk stayed open on"
                        + " Monday, officials said.\",\"publishedAt\":\"2024-02-01T08:00:00Z\"}",
                "{\"id\":\"large\",\"title\":\"Port of Tobruk open all week\",\"body\":\"" + longBody
                        + "\",\"publishedAt\":\"2024-02-02T08:00:00Z\"}",
                ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        scan("scan", "--out", out.toString(), "--max-article-bytes", "2048", in.toString());
        Map<String, List<JsonNode>> r = read(out);
        assertThat(r.get("articles")).extracting(n -> n.get("id").asText()).containsExactly("small");
        assertThat(r.get("rejected")).hasSize(1);
        JsonNode rejected = r.get("rejected").get(0);
        assertThat(rejected.get("origin").asText()).isEqualTo(in + ":2");
        assertThat(rejected.get("reason").asText()).contains("KiB");
    }

    @Test
    void badLinesAreRejectedWithReasonsAndTheRestIsProcessed() throws Exception {
        Path in = tmp.resolve("mixed.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"ok-1\",\"title\":\"Wagner fighters leave Sirte\",\"body\":\"Fighters of the Wagner Group left"
                        + " Sirte on Monday, residents said.\",\"publishedAt\":\"2024-02-01T08:00:00Z\"}",
                "{\"id\":\"bad-1\",\"title\":\"truncated",
                "{\"id\":\"bad-2\",\"title\":[\"not\",\"a\",\"string\"],\"body\":\"x\"}",
                "{\"id\":\"bad-3\",\"title\":\"Empty body\",\"body\":\"  \"}",
                "this is not json at all",
                "{\"id\":\"ok-2\",\"title\":\"Port of Tobruk reopens\",\"body\":\"The port of Tobruk reopened after"
                        + " repairs, officials said.\",\"publishedAt\":\"2024-02-02T08:00:00Z\"}",
                ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        scan("scan", "--out", out.toString(), in.toString());
        Map<String, List<JsonNode>> r = read(out);
        assertThat(r.get("articles")).extracting(n -> n.get("id").asText()).containsExactly("ok-1", "ok-2");
        assertThat(r.get("alerts")).hasSize(2);
        List<JsonNode> rejected = r.get("rejected");
        assertThat(rejected).extracting(n -> n.get("origin").asText())
                .containsExactly(in + ":2", in + ":3", in + ":4", in + ":5");
        assertThat(rejected).allSatisfy(n -> {
            assertThat(n.get("reason").asText()).isNotBlank();
            assertThat(n.get("raw").asText()).isNotBlank();
        });
        assertThat(rejected.get(1).get("id").asText()).isEqualTo("bad-2");
        assertThat(rejected.get(2).get("reason").asText()).contains("empty");
    }

    @Test
    void samePartitionCountOrNotTheSameIdsDecisionsAndAlertIds() throws Exception {
        Path seeds = seeds();
        Path in = tmp.resolve("copies.jsonl");
        String story = "{\"url\":\"https://a.example/s/%d%s\",\"title\":\"Shipment reaches Tobruk\",\"body\":\"A Russian"
                + " ship unloaded armoured vehicles at the port of Tobruk, according to port workers. %s\","
                + "\"publishedAt\":\"2024-04-0%dT10:00:00Z\"}";
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lines.add(String.format(story, i % 3, i % 2 == 0 ? "?utm_source=feed" : "", i % 4 == 0 ? "Extra line." : "", i));
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path one = tmp.resolve("p1");
        Path four = tmp.resolve("p4");
        Path again = tmp.resolve("p1b");
        scan("scan", "--out", one.toString(), "--partitions", "1", seeds.toString(), in.toString());
        scan("scan", "--out", four.toString(), "--partitions", "4", seeds.toString(), in.toString());
        scan("scan", "--out", again.toString(), "--partitions", "1", seeds.toString(), in.toString());
        Map<String, List<JsonNode>> a = read(one);
        Map<String, List<JsonNode>> b = read(four);
        Map<String, List<JsonNode>> c = read(again);
        assertThat(a.get("duplicates")).isNotEmpty();
        for (Map<String, List<JsonNode>> other : List.of(b, c)) {
            assertThat(decisions(other)).isEqualTo(decisions(a));
            // Every field of every alert, except the wall-clock detection time, is the same on every run.
            assertThat(withoutDetectedAt(other.get("alerts"))).isEqualTo(withoutDetectedAt(a.get("alerts")));
        }
        assertThat(a.get("alerts")).isNotEmpty().allSatisfy(alert -> {
            assertThat(java.time.Instant.parse(alert.get("detectedAt").asText())).isAfter(
                    java.time.Instant.parse(alert.get("publishedAt").asText()));
            assertThat(alert.get("copies").asInt()).isZero();
        });
        assertThat(a.get("alerts")).filteredOn(alert -> alert.get("url").asText().startsWith("https://a.example/"))
                .isNotEmpty().allSatisfy(alert -> assertThat(alert.get("canonicalUrl").asText())
                        .startsWith("a.example/s/").doesNotContain("utm_"));
    }

    /** The alerts without their wall-clock detection time: the part every run must reproduce. */
    static List<JsonNode> withoutDetectedAt(List<JsonNode> alerts) {
        return alerts.stream().map(n -> (JsonNode) ((com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy())
                .without("detectedAt")).toList();
    }

    /** origin → "article id" or "duplicate id of original (method)". */
    private static Map<String, String> decisions(Map<String, List<JsonNode>> r) {
        Map<String, String> d = new TreeMap<>();
        r.get("articles").forEach(n -> d.put(n.get("origin").asText(), "article " + n.get("id").asText()));
        r.get("duplicates").forEach(n -> d.put(n.get("origin").asText(), "duplicate " + n.get("id").asText() + " of "
                + n.get("duplicateOf").asText() + " (" + n.get("method").asText() + ")"));
        r.get("rejected").forEach(n -> d.put(n.get("origin").asText(), "rejected"));
        return d;
    }
}
