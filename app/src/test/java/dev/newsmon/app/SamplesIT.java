package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bundled sample archive through {@code scan}, checked against its ground truth (samples/expected.json):
 * every unit accounted for, copies found, originals kept, the right alerts, no look-alike tagged.
 */
class SamplesIT {

    @TempDir
    static Path out;

    static Map<String, JsonNode> expected = new TreeMap<>();
    static Map<String, JsonNode> articles = new HashMap<>();
    static Map<String, JsonNode> duplicates = new HashMap<>();
    static Map<String, List<String>> alertsByOrigin = new HashMap<>();
    static List<JsonNode> rejected = new ArrayList<>();
    static JsonNode truth;

    @BeforeAll
    static void scanSamples() throws Exception {
        Path repo = Path.of(System.getProperty("newsmon.repo", "."));
        Path archive = repo.resolve("samples/archive");
        truth = Json.mapper().readTree(repo.resolve("samples/expected.json").toFile());
        truth.get("units").forEach(u -> expected.put(u.get("origin").asText(), u));
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("scan", "--out", out.toString(), archive.toString())).as(err.toString()).isZero();
        Map<String, List<JsonNode>> r = ScanIT.read(out);
        String prefix = archive + "/";
        Map<String, String> originOfId = new HashMap<>();
        for (JsonNode a : r.get("articles")) {
            String origin = a.get("origin").asText().substring(prefix.length());
            articles.put(origin, a);
            originOfId.put(a.get("id").asText(), origin);
        }
        for (JsonNode d : r.get("duplicates")) {
            duplicates.put(d.get("origin").asText().substring(prefix.length()), d);
        }
        for (JsonNode a : r.get("alerts")) {
            List<String> ids = new ArrayList<>(a.get("matches").findValuesAsText("entityId"));
            ids.sort(null);
            alertsByOrigin.put(originOfId.get(a.get("articleId").asText()), ids);
        }
        rejected.addAll(r.get("rejected"));
    }

    @Test
    void everyUnitIsAnArticleOrADuplicateAndNothingIsRejected() {
        assertThat(rejected).isEmpty();
        Set<String> seen = new HashSet<>(articles.keySet());
        seen.addAll(duplicates.keySet());
        assertThat(seen).isEqualTo(expected.keySet());
        assertThat(articles.keySet()).doesNotContainAnyElementsOf(duplicates.keySet());
    }

    @Test
    void copiesAreDuplicatesOfTheirOriginal() {
        Map<String, String> idByOrigin = new HashMap<>();
        articles.forEach((origin, a) -> idByOrigin.put(origin, a.get("id").asText()));
        for (JsonNode u : expected.values()) {
            String origin = u.get("origin").asText();
            if (u.get("copyOf").isNull()) {
                assertThat(articles).as("original %s must be an article", origin).containsKey(origin);
            } else {
                assertThat(duplicates).as("copy %s must be a duplicate", origin).containsKey(origin);
                assertThat(duplicates.get(origin).get("duplicateOf").asText()).as(origin)
                        .isEqualTo(idByOrigin.get(u.get("copyOf").asText()));
                if (u.hasNonNull("expectedDedupMethod") && u.get("expectedDedupMethod").asText().equals("url")) {
                    assertThat(duplicates.get(origin).get("method").asText()).as(origin).isEqualTo("url");
                }
            }
        }
    }

    @Test
    void alertsAreExactlyTheExpectedOnes() {
        Map<String, List<String>> want = new TreeMap<>();
        for (JsonNode u : expected.values()) {
            if (u.get("alert").asBoolean()) {
                List<String> ids = new ArrayList<>();
                u.get("alertEntities").forEach(e -> ids.add(e.asText()));
                ids.sort(null);
                want.put(u.get("origin").asText(), ids);
            }
        }
        assertThat(new TreeMap<>(alertsByOrigin)).isEqualTo(want);
    }

    @Test
    void entitiesAreFoundAndLookAlikesAreNot() {
        for (Map.Entry<String, JsonNode> e : articles.entrySet()) {
            JsonNode u = expected.get(e.getKey());
            Set<String> tagged = new HashSet<>(e.getValue().get("entities").findValuesAsText("id"));
            List<String> mentions = new ArrayList<>();
            u.get("mentions").forEach(m -> mentions.add(m.asText()));
            List<String> mustNot = new ArrayList<>();
            u.get("mustNotTag").forEach(m -> mustNot.add(m.asText()));
            assertThat(tagged).as("entities of %s", e.getKey()).containsAll(mentions);
            for (String wrong : mustNot) {
                assertThat(tagged).as("look-alike in %s", e.getKey()).doesNotContain(wrong);
            }
        }
    }

    @Test
    void titlesAndDatesAreRead() {
        for (Map.Entry<String, JsonNode> e : articles.entrySet()) {
            JsonNode u = expected.get(e.getKey());
            assertThat(e.getValue().get("title").asText()).as("title of %s", e.getKey()).isEqualTo(u.get("title").asText());
            if (u.hasNonNull("publishedAt")) {
                assertThat(e.getValue().get("publishedAt").asText()).as("date of %s", e.getKey())
                        .isEqualTo(u.get("publishedAt").asText());
            }
        }
    }

    @Test
    void hardNonDuplicatesStayApart() {
        for (JsonNode pair : truth.get("hardNonDuplicates")) {
            for (JsonNode unit : pair.get("units")) {
                String origin = unit.asText();
                if (expected.get(origin).get("copyOf").isNull()) {
                    assertThat(articles).as("%s (%s)", origin, pair.get("why").asText()).containsKey(origin);
                }
            }
        }
    }
}
