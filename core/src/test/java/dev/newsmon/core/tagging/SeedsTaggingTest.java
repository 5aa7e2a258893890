package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsmon.core.model.EntityMention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real Arabic pages of the shared seeds folder (system property {@code newsmon.seeds}): every entity their
 * README lists must be found, nothing may crash, and what the tagger finds beyond the README is printed with a
 * snippet for a person to judge (the README lists the story's actors, not every country a news ticker names).
 */
class SeedsTaggingTest {

    private static final Pattern README_LINE = Pattern.compile("^- (\\d{3}): (.*)$");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]+[a-z0-9]");

    private static Path seeds() {
        String dir = System.getProperty("newsmon.seeds");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "seeds folder not available (system property newsmon.seeds): skipping the seed test");
        return Path.of(dir);
    }

    /** Seed number → entity ids listed for it in the README (continuation lines included). */
    static Map<String, Set<String>> readmeEntities(Path readme) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher m = README_LINE.matcher(line);
            String listing;
            if (m.matches()) {
                current = m.group(1);
                listing = m.group(2);
            } else if (current != null && line.startsWith("  ")) {
                listing = line;
            } else {
                current = null;
                continue;
            }
            // Spellings in parentheses are notes, not ids.
            String ids = listing.replaceAll("\\([^)]*\\)", " ");
            Matcher id = ID.matcher(ids);
            Set<String> set = out.computeIfAbsent(current, k -> new TreeSet<>());
            while (id.find()) {
                set.add(id.group());
            }
        }
        return out;
    }

    @Test
    void everyEntityOfTheReadmeIsFoundAndExtrasAreListed() throws IOException {
        Path dir = seeds();
        Map<String, Set<String>> expected = readmeEntities(dir.resolve("README.md"));
        assertThat(expected).hasSize(5);
        EntityTagger tagger = EntityTagger.builtIn();
        List<String> missing = new ArrayList<>();
        StringBuilder report = new StringBuilder("Seed tagging report (extras = found, not in the README):\n");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String seed = file.getFileName().toString().substring(0, 3);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<EntityMention> found = tagger.tag("", text);
                Set<String> foundIds = found.stream().map(EntityMention::id).collect(Collectors.toCollection(TreeSet::new));
                Set<String> want = expected.getOrDefault(seed, Set.of());
                for (String id : want) {
                    assertThat(tagger.gazetteer().entity(id)).as("README id " + id).isPresent();
                    if (!foundIds.contains(id)) {
                        missing.add(seed + ": " + id);
                    }
                }
                report.append(String.format("%s: %d/%d README entities found, %d mentions in all%n", seed,
                        want.stream().filter(foundIds::contains).count(), want.size(),
                        found.stream().mapToInt(EntityMention::mentions).sum()));
                for (EntityMention m : found) {
                    if (!want.contains(m.id())) {
                        report.append(String.format("   extra %-28s x%-2d %s%n", m.id(), m.mentions(),
                                around(text, m)));
                    }
                }
            }
        }
        System.out.println(report);
        assertThat(missing).as("README entities not found").isEmpty();
    }

    @Test
    void seedsTaggedAsTitleAndBodyAndInPiecesNeverFail() throws IOException {
        Path dir = seeds();
        EntityTagger tagger = EntityTagger.builtIn();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int cut = text.indexOf('\n');
                List<EntityMention> mentions = tagger.tag(text.substring(0, Math.max(cut, 0)), text.substring(cut + 1));
                for (EntityMention m : mentions) {
                    assertThat(m.offsets()).allSatisfy(s -> assertThat(s.end()).isGreaterThan(s.start()));
                    assertThat(m.snippet()).isNotBlank();
                }
                for (int i = 0; i < text.length(); i += 977) {
                    tagger.tag(text.substring(i, Math.min(text.length(), i + 50)), text.substring(i));
                }
            }
        }
    }

    private static String around(String text, EntityMention m) {
        var span = m.offsets().get(0);
        int from = Math.max(0, span.start() - 25);
        int to = Math.min(text.length(), span.end() + 25);
        return "\"" + text.substring(from, to).replace('\n', ' ') + "\"";
    }
}
