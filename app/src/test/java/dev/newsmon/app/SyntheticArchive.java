package dev.newsmon.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.core.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic news archive for crash and restart tests: the same seed and size always give the same
 * JSONL lines. Small bodies of pseudo-words (English and Arabic) so that a test of thousands of articles stays fast,
 * with planted mentions of the default tracked entities, exact copies at other URLs, re-sent URLs with tracking
 * parameters, shortened (near) copies, and a few broken lines, so that every decision kind and alerts occur.
 */
final class SyntheticArchive {

    /**
     * How many lines of each kind were written (decided before the pipeline sees anything), and the files.
     *
     * @param planted originals that mention a default tracked entity (wagner-group, tobruk)
     */
    record Plan(List<Path> files, int total, int planted, int exactCopies, int urlCopies, int nearCopies, int broken) {
    }

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final String[] SYLLABLES = {"ka", "lo", "mer", "tu", "san", "vi", "dor", "el", "pra", "ni", "gos",
        "ram", "te", "bu", "lin", "cha", "fo", "wes", "ur", "zan", "mi", "ko", "det", "ha", "sul"};
    private static final String[] SOURCES = {"East Wire", "Coast Daily", "Desert Post", "Harbour News", "Valley Times"};
    private static final String[] MENTIONS_EN = {"the Wagner Group", "Tobruk", "Wagner fighters", "the port of Tobruk"};
    private static final String[] MENTIONS_AR = {"مجموعة فاغنر", "طبرق", "مقاتلي فاغنر", "ميناء طبرق"};

    private SyntheticArchive() {
    }

    /**
     * Writes {@code count} lines, one minute apart in publishedAt, to {@code files} JSONL files in {@code dir}:
     * {@code part-00.jsonl} holds the first lines, the next file the following ones, so any first k files are a
     * prefix of the archive in event time (copies in later files repeat originals of earlier ones).
     */
    static Plan write(Path dir, long seed, int count, int files) throws IOException {
        Files.createDirectories(dir);
        List<BufferedWriter> out = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        try {
            for (int f = 0; f < files; f++) {
                paths.add(dir.resolve(String.format(java.util.Locale.ROOT, "part-%02d.jsonl", f)));
                out.add(Files.newBufferedWriter(paths.get(f), StandardCharsets.UTF_8));
            }
            Random r = new Random(seed);
            List<ObjectNode> originals = new ArrayList<>();
            int planted = 0;
            int exact = 0;
            int url = 0;
            int near = 0;
            int broken = 0;
            for (int i = 0; i < count; i++) {
                int dice = r.nextInt(100);
                ObjectNode article;
                if (dice == 99) {
                    article = original(r, i);
                    broken++;
                } else if (dice < 10 && !originals.isEmpty()) {
                    article = copyElsewhere(originals.get(r.nextInt(originals.size())), i);
                    exact++;
                } else if (dice < 15 && !originals.isEmpty()) {
                    article = originals.get(r.nextInt(originals.size())).deepCopy();
                    article.put("url", article.get("url").asText() + "?utm_source=feed&utm_medium=" + i);
                    url++;
                } else if (dice < 20 && !originals.isEmpty()) {
                    article = copyElsewhere(originals.get(r.nextInt(originals.size())), i);
                    String body = article.get("body").asText();
                    article.put("body", body.substring(0, body.lastIndexOf('.', body.length() - 2) + 1));
                    near++;
                } else {
                    article = original(r, i);
                    if (mentionsTracked(article.get("body").asText())) {
                        planted++;
                    }
                    originals.add(article);
                }
                article.put("publishedAt", START.plusSeconds(60L * i).toString());
                String line = Json.write(article);
                if (dice == 99) {
                    line = line.substring(0, line.length() / 2);
                }
                BufferedWriter w = out.get((int) ((long) i * files / count));
                w.write(line);
                w.write('\n');
            }
            return new Plan(List.copyOf(paths), count, planted, exact, url, near, broken);
        } finally {
            for (BufferedWriter w : out) {
                w.close();
            }
        }
    }

    private static boolean mentionsTracked(String body) {
        for (int k = 0; k < MENTIONS_EN.length; k++) {
            if (body.contains(MENTIONS_EN[k]) || body.contains(MENTIONS_AR[k])) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode copyElsewhere(ObjectNode original, int i) {
        ObjectNode copy = original.deepCopy();
        copy.put("url", "https://mirror" + (i % 7) + ".example/copy/" + i);
        copy.put("source", "Mirror " + (i % 7));
        return copy;
    }

    private static ObjectNode original(Random r, int i) {
        boolean arabic = r.nextInt(3) == 0;
        int sentences = 3 + r.nextInt(3);
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            for (int w = 0; w < 8 + r.nextInt(6); w++) {
                body.append(arabic ? arabicWord(r) : latinWord(r)).append(' ');
            }
            if (r.nextInt(20) == 0) {
                body.append(arabic ? MENTIONS_AR[r.nextInt(MENTIONS_AR.length)]
                        : MENTIONS_EN[r.nextInt(MENTIONS_EN.length)]).append(' ');
            }
            body.setLength(body.length() - 1);
            body.append(". ");
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 5; w++) {
            title.append(arabic ? arabicWord(r) : latinWord(r)).append(' ');
        }
        ObjectNode a = Json.mapper().createObjectNode();
        String source = SOURCES[r.nextInt(SOURCES.length)];
        a.put("url", "https://" + source.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/news/" + i);
        a.put("source", source);
        a.put("title", title.toString().strip());
        a.put("body", body.toString().strip());
        a.put("lang", arabic ? "ar" : "en");
        return a;
    }

    private static String latinWord(Random r) {
        StringBuilder w = new StringBuilder();
        for (int k = 0, n = 2 + r.nextInt(2); k < n; k++) {
            w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    private static String arabicWord(Random r) {
        StringBuilder w = new StringBuilder();
        for (int k = 0, n = 4 + r.nextInt(3); k < n; k++) {
            w.append((char) (0x0628 + r.nextInt(0x063A - 0x0628)));
        }
        return w.toString();
    }
}
