package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One {@code scan} over an ingest folder full of broken and hostile inputs, next to good ones: every input ends up
 * in exactly one output, each bad one in rejected.jsonl with its origin and a reason a person understands, the good
 * ones in articles.jsonl, and the scan completes (the monitor is never stopped by an input).
 */
class HostileInputIT {

    private static final String GOOD = "{\"id\":\"%s\",\"title\":\"Port of Tobruk %s\",\"body\":\"Ships wait outside the"
            + " port of Tobruk, officials said on %s.\",\"publishedAt\":\"2024-05-0%dT08:00:00Z\"}";
    private static final String SECRET = "TOP-SECRET-7f3a91";

    @TempDir
    Path tmp;

    /** Expected outcome per input, by origin relative to the folder. */
    private final Map<String, String> expected = new LinkedHashMap<>();

    private void rejected(String origin, String reasonPart) {
        expected.put(origin, "rejected: " + reasonPart);
    }

    private void article(String origin) {
        expected.put(origin, "article");
    }

    @Test
    void everyHostileInputIsRejectedWithAReasonAndTheGoodOnesGetThrough() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("inbox"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
        writeJsonLines(in.resolve("lines.jsonl"));
        writeFiles(in, secret);

        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        long t0 = System.nanoTime();
        assertThat(cli.execute("scan", "--out", tmp.resolve("out").toString(), in.toString()))
                .as("scan exit code; stderr: %s", err).isZero();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, List<JsonNode>> out = ScanIT.read(tmp.resolve("out"));

        Map<String, String> actual = new TreeMap<>();
        Map<String, String> reasons = new TreeMap<>();
        for (String kind : List.of("articles", "duplicates", "rejected")) {
            for (JsonNode n : out.get(kind)) {
                String origin = n.get("origin").asText();
                assertThat(origin).startsWith(in + "/");
                String key = origin.substring(in.toString().length() + 1);
                assertThat(actual).as("%s accounted twice", key).doesNotContainKey(key);
                actual.put(key, kind);
                if (kind.equals("rejected")) {
                    reasons.put(key, n.get("reason").asText());
                    assertThat(n.get("raw")).as("raw of %s", key).isNotNull();
                }
            }
        }
        reasons.forEach((k, r) -> System.out.println("RELIABILITY | rejected " + k + ": " + r));
        assertThat(actual.keySet()).as("every input accounted for exactly once")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((origin, outcome) -> {
            if (outcome.equals("article")) {
                assertThat(actual.get(origin)).as(origin + " (reason: " + reasons.get(origin) + ")").isEqualTo("articles");
            } else {
                assertThat(actual.get(origin)).as(origin).isEqualTo("rejected");
                String reason = reasons.get(origin);
                assertThat(reason).as("reason of " + origin).matches("[A-Z\"].{15,}")
                        .containsIgnoringCase(outcome.substring("rejected: ".length()));
            }
        });
        // Binary files of types newsmon does not read are skipped, and the scan says so.
        assertThat(err.toString()).contains("skipped 1 files").contains("photo.png");
        // Nothing from the entity bomb or the external entity leaked into any output.
        for (List<JsonNode> records : out.values()) {
            for (JsonNode n : records) {
                assertThat(n.toString()).doesNotContain(SECRET).doesNotContain("lollollollol");
            }
        }
        JsonNode future = out.get("articles").stream().filter(a -> a.get("id").asText().equals("future-1"))
                .findFirst().orElseThrow();
        assertThat(future.get("publishedAtSource").asText()).isEqualTo("future-date-replaced");
        assertThat(out.get("alerts")).isNotEmpty();
        System.out.printf(Locale.ROOT, "RELIABILITY | hostile scan: %d inputs, %d articles, %d rejected, %.1f s%n",
                expected.size(), out.get("articles").size(), out.get("rejected").size(), seconds);
    }

    private void writeJsonLines(Path file) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        String good1 = String.format(Locale.ROOT, GOOD, "good-1", "one", "Monday", 1);
        lines.add(utf8(good1));
        lines.add(utf8("{\"id\":\"cut\",\"title\":\"truncated"));
        lines.add(utf8("this is not json at all"));
        lines.add(utf8(String.format(Locale.ROOT, GOOD, "twin-a", "a", "Tuesday", 2)
                + String.format(Locale.ROOT, GOOD, "twin-b", "b", "Tuesday", 2)));
        lines.add(utf8("{\"id\":\"types\",\"title\":[\"not\",\"a\",\"string\"],\"body\":\"text\"}"));
        lines.add(utf8("{\"id\":\"num\",\"title\":\"Number body\",\"body\":42}"));
        lines.add(utf8("{\"id\":\"empty\",\"title\":\"Empty body\",\"body\":\"\"}"));
        lines.add(utf8("{\"id\":\"blank\",\"title\":\"Blank body\",\"body\":\"  \\n\\t \"}"));
        lines.add(utf8("{\"id\":\"invisible\",\"title\":\"Invisible body\",\"body\":\"\\u00a0\\u200b\\u200f\"}"));
        lines.add(utf8("{\"id\":\"nobody\",\"title\":\"Only a title\"}"));
        lines.add(utf8("{\"id\":\"extra\",\"title\":\"Unknown fields about Tobruk\",\"body\":\"Text about the port of Tobruk"
                + " on Wednesday.\",\"rating\":5,\"tags\":[\"x\"],\"nested\":{\"a\":[1,2,{\"b\":null}]}}"));
        lines.add(utf8("{\"id\":\"future-1\",\"title\":\"From the future\",\"body\":\"Dated in the year 2999 by a"
                + " broken clock.\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}"));
        lines.add(utf8("{\"id\":\"baddate\",\"title\":\"Bad date\",\"body\":\"Text.\",\"publishedAt\":\"next tuesday\"}"));
        lines.add(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        lines.add(new byte[] {'{', '"', 'b', '"', ':', 0, 0, 1, '}'});
        lines.add(utf8("{\"id\":\"huge\",\"title\":\"Huge\",\"body\":\"" + "x".repeat(600 * 1024) + "\"}"));
        lines.add(utf8("{\"id\":\"long-ok\",\"title\":\"A long line about Tobruk\",\"body\":\"" + "Tobruk port news. "
                .repeat(16_000) + "\"}"));
        lines.add(utf8("[".repeat(10_000) + "]".repeat(10_000)));
        lines.add(utf8("{\"id\":\"surrogates\",\"title\":\"Lone \\ud800 surrogate\",\"body\":\"Port \\udc00 of"
                + " Tobruk on Friday.\"}"));
        lines.add(utf8("{\"id\":\"longurl\",\"url\":\"https://x.example/" + "a".repeat(10_000)
                + "\",\"body\":\"Some text.\"}"));
        lines.add(utf8("null"));
        try (var os = Files.newOutputStream(file)) {
            for (byte[] line : lines) {
                os.write(line);
                os.write('\n');
            }
        }
        String name = file.getFileName().toString();
        article(name + ":1");
        rejected(name + ":2", "not valid JSON");
        rejected(name + ":3", "not valid JSON");
        rejected(name + ":4", "more than one JSON value");
        rejected(name + ":5", "\"title\" must be a string");
        rejected(name + ":6", "\"body\" must be a string");
        rejected(name + ":7", "body is empty");
        rejected(name + ":8", "body is empty");
        rejected(name + ":9", "body is empty");
        rejected(name + ":10", "neither \"body\" nor \"html\"");
        article(name + ":11");
        article(name + ":12");
        rejected(name + ":13", "publishedAt");
        rejected(name + ":14", "not valid UTF-8");
        rejected(name + ":15", "NUL");
        rejected(name + ":16", "limit");
        article(name + ":17");
        rejected(name + ":18", "nested");
        article(name + ":19");
        rejected(name + ":20", "url");
        rejected(name + ":21", "JSON object");
    }

    private void writeFiles(Path in, Path secret) throws IOException {
        Files.write(in.resolve("empty.jsonl"), new byte[0]);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("empty.html"), new byte[0]);
        rejected("empty.jsonl", "empty");
        rejected("empty.txt", "empty");
        rejected("empty.html", "empty");

        byte[] png = new byte[2048];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}, 0, png, 0, 12);
        Files.write(in.resolve("photo.png"), png);
        Files.write(in.resolve("binary.txt"), png);
        Files.write(in.resolve("binary.html"), png);
        rejected("binary.txt", "binary");
        rejected("binary.html", "binary");
        Files.write(in.resolve("utf16.txt"), "Tobruk port news in UTF-16".getBytes(StandardCharsets.UTF_16));
        rejected("utf16.txt", "binary");
        Files.write(in.resolve("arabic-cp1256.txt"), "سفينة في ميناء طبرق".getBytes(Charset.forName("windows-1256")));
        rejected("arabic-cp1256.txt", "UTF-8");
        Files.writeString(in.resolve("whitespace.txt"), "   \n\t\n  \n", StandardCharsets.UTF_8);
        rejected("whitespace.txt", "no readable text");
        Files.writeString(in.resolve("invisible.txt"), "\u00a0\u200b\n\u2003\u200f\n", StandardCharsets.UTF_8);
        rejected("invisible.txt", "no readable text");
        Files.writeString(in.resolve("oversize.html"), "<html><body><p>" + "Tobruk ".repeat(90_000) + "</p></body></html>",
                StandardCharsets.UTF_8);
        rejected("oversize.html", "limit");

        Files.writeString(in.resolve("deep.html"), "<html><head><title>Deep page</title></head><body>"
                + "<div>".repeat(10_000) + "<p>Divers inspected the sunken barge near the quay of Tobruk on Saturday morning.</p>"
                + "</div>".repeat(10_000) + "</body></html>", StandardCharsets.UTF_8);
        article("deep.html");
        Files.writeString(in.resolve("one-long-line.txt"), "Tobruk harbour " + "and the quay ".repeat(25_000),
                StandardCharsets.UTF_8);
        article("one-long-line.txt");
        Files.writeString(in.resolve("quotes.txt"), "Headline about Tobruk\n\n" + "\"\\".repeat(255_000),
                StandardCharsets.UTF_8);
        rejected("quotes.txt", "too large to publish");

        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
        for (int i = 2; i <= 9; i++) {
            bomb.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 2 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        bomb.append("]>\n<rss version=\"2.0\"><channel><title>Bomb</title><item><title>&lol9;</title>"
                + "<link>https://bomb.example/1</link><description>&lol9;</description></item></channel></rss>\n");
        Files.writeString(in.resolve("bomb.rss"), bomb, StandardCharsets.UTF_8);
        rejected("bomb.rss", "entities");
        Files.writeString(in.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\"> ]>\n<rss version=\"2.0\"><channel><title>Leak</title><item><title>Leak</title>"
                + "<link>https://leak.example/1</link><description>&xxe;</description></item></channel></rss>\n",
                StandardCharsets.UTF_8);
        rejected("xxe.xml", "entities");
        Files.writeString(in.resolve("xxe.atom"), "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [ <!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\"> ]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Leak</title><entry>"
                + "<title>Leak</title><link href=\"https://leak.example/2\"/><content type=\"text\">&xxe;</content>"
                + "</entry></feed>\n", StandardCharsets.UTF_8);
        rejected("xxe.atom", "entities");
        Files.writeString(in.resolve("external-dtd.rss"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \""
                + secret.toUri() + "\">\n<rss version=\"2.0\"><channel><title>Ext</title><item><title>Ext</title>"
                + "<link>https://ext.example/1</link><description>before &ext; after</description></item></channel></rss>\n",
                StandardCharsets.UTF_8);
        rejected("external-dtd.rss", "cannot be parsed");
        Files.writeString(in.resolve("dates.rss"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Dates"
                + "</title><item><title>No readable date</title><link>https://dates.example/1</link><pubDate>sometime"
                + " soon</pubDate><description>Fishermen in Derna repaired their boats before the winter storms.</description></item>"
                + "</channel></rss>\n", StandardCharsets.UTF_8);
        article("dates.rss#1");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
