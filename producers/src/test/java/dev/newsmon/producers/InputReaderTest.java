package dev.newsmon.producers;

import static dev.newsmon.producers.TestFiles.readAll;
import static dev.newsmon.producers.TestFiles.text;
import static dev.newsmon.producers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.ingest.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {

    private static final Instant MTIME = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void jsonlLinesBecomeUnitsWithLineOrigins() {
        Path f = write(dir, "a.jsonl", """
                {"id":"x1","title":"t","body":"b","publishedAt":"2024-04-16T10:00:00Z"}

                {"url":"https://e.org/2","title":"t2","body":"b2","publishedAt":"2024-04-15T08:30:00Z"}
                """, MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(f + ":1", f + ":3");
        assertThat(units).extracting(InputUnit::format).containsOnly(InputFormat.JSON);
        assertThat(units).extracting(InputUnit::key).containsExactly("x1", f + ":3");
        assertThat(units).extracting(InputUnit::eventTime)
                .containsExactly(Instant.parse("2024-04-16T10:00:00Z"), Instant.parse("2024-04-15T08:30:00Z"));
        assertThat(units).extracting(InputUnit::timeSource).containsOnlyNulls();
        assertThat(text(units.get(0))).isEqualTo(
                "{\"id\":\"x1\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"2024-04-16T10:00:00Z\"}");
    }

    @Test
    void badLinesAreSentAndDoNotStopTheFile() {
        Path f = write(dir, "bad.jsonl", """
                {"id":"ok-1","title":"t","body":"b"}
                {"id":"cut","title":"t", "body": "no closing brace"
                {"id":"types","title":42,"body":"b"}
                {"id":"ok-2","title":"t","body":"b"}
                """, MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin)
                .containsExactly(f + ":1", f + ":2", f + ":3", f + ":4");
        // Parsing problems are the topology's job: the producer sends the line unchanged, without an error header.
        assertThat(units).extracting(InputUnit::error).containsOnlyNulls();
        assertThat(text(units.get(1))).isEqualTo("{\"id\":\"cut\",\"title\":\"t\", \"body\": \"no closing brace\"");
        // A rejected line falls back to the file time; the key is the id when the parser could read one.
        assertThat(units.get(1).eventTime()).isEqualTo(MTIME);
        assertThat(units.get(1).timeSource()).isEqualTo("file-time");
        assertThat(units.get(1).key()).isEqualTo(f + ":2");
        assertThat(units.get(2).key()).isEqualTo("types");
    }

    @Test
    void articleWithoutDateGetsFileTime() {
        Path f = write(dir, "nodate.jsonl", "{\"title\":\"t\",\"body\":\"b\"}\n", MTIME);

        InputUnit u = readAll(f.toString()).get(0);

        assertThat(u.eventTime()).isEqualTo(MTIME);
        assertThat(u.timeSource()).isEqualTo(TimeSource.FILE_TIME);
    }

    @Test
    void crlfLineEndingsAreNotPartOfThePayload() {
        Path f = write(dir, "crlf.jsonl", "{\"title\":\"t\",\"body\":\"b\"}\r\n{\"title\":\"u\",\"body\":\"c\"}", MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(TestFiles::text)
                .containsExactly("{\"title\":\"t\",\"body\":\"b\"}", "{\"title\":\"u\",\"body\":\"c\"}");
    }

    @Test
    void lineOverTheLimitBecomesAnErrorUnitWithAPrefixAndTheNextLineIsRead() {
        String big = "{\"title\":\"big\",\"body\":\"" + "ب".repeat(3000) + "\"}";
        Path f = write(dir, "huge.jsonl", big + "\n{\"title\":\"small\",\"body\":\"b\"}\n", MTIME);
        ReaderOptions small = ReaderOptions.defaults().withMaxBytes(2048);

        List<InputUnit> units = readAll(small, f.toString());

        assertThat(units).hasSize(2);
        InputUnit err = units.get(0);
        assertThat(err.origin()).isEqualTo(f + ":1");
        assertThat(err.error()).startsWith("The line is 6 KiB, over the 2 KiB limit");
        assertThat(err.payload().length).isLessThanOrEqualTo(2049);
        assertThat(big.getBytes(StandardCharsets.UTF_8)).startsWith(err.payload());
        // The prefix is cut at a character boundary: it decodes without replacement characters.
        assertThat(text(err)).doesNotContain("\uFFFD");
        assertThat(units.get(1).error()).isNull();
        assertThat(units.get(1).origin()).isEqualTo(f + ":2");
    }

    @Test
    void invalidUtf8AndNulLinesAreErrorUnits() throws IOException {
        byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] nul = {'{', '"', 't', '"', ':', 0, '}', '\n'};
        byte[] good = "{\"title\":\"t\",\"body\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Bytes.containsNul(nul, 0, nul.length)).isTrue();
        Path f = dir.resolve("mixed.jsonl");
        // NUL in the first 8 KiB makes the whole file binary; pad so the NUL line starts later.
        byte[] padding = padding(9000);
        Files.write(f, concat(padding, bad, nul, good));
        long paddingLines = new String(padding, StandardCharsets.UTF_8).lines().count();

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).hasSize((int) paddingLines + 3);
        List<InputUnit> tail = units.subList(units.size() - 3, units.size());
        assertThat(tail).extracting(InputUnit::error).containsExactly(
                "The line is not valid UTF-8 text", "The line contains NUL bytes (binary data), not text", null);
        assertThat(tail).extracting(InputUnit::origin).containsExactly(
                f + ":" + (paddingLines + 1), f + ":" + (paddingLines + 2), f + ":" + (paddingLines + 3));
        assertThat(tail.get(0).payload()).isEqualTo(Arrays.copyOf(bad, bad.length - 1));
    }

    @Test
    void zeroByteAndBinaryFilesBecomeErrorUnits() throws IOException {
        Path empty = write(dir, "empty.jsonl", new byte[0], MTIME);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path binary = write(dir, "image.html", png, MTIME);
        Path binaryJsonl = write(dir, "data.jsonl", png, MTIME);

        List<InputUnit> units = readAll(empty.toString(), binary.toString(), binaryJsonl.toString());

        assertThat(units).extracting(InputUnit::origin)
                .containsExactly(empty.toString(), binary.toString(), binaryJsonl.toString());
        assertThat(units).extracting(InputUnit::error).containsExactly(
                "The file is empty (0 bytes)",
                "The file is binary data (it contains NUL bytes), not UTF-8 text",
                "The file is binary data (it contains NUL bytes), not UTF-8 text");
        assertThat(units.get(1).format()).isEqualTo(InputFormat.HTML);
        assertThat(units.get(1).payload()).isEqualTo(png);
        assertThat(units).allSatisfy(u -> {
            assertThat(u.eventTime()).isEqualTo(MTIME);
            assertThat(u.timeSource()).isEqualTo("file-time");
        });
    }

    @Test
    void invalidUtf8TextFileIsAnErrorUnit() {
        byte[] latin1 = "Caf\u00e9 in the old town".getBytes(StandardCharsets.ISO_8859_1);
        Path f = write(dir, "latin1.txt", latin1, MTIME);

        InputUnit u = readAll(f.toString()).get(0);

        assertThat(u.error()).isEqualTo("The file is not valid UTF-8 text (newsmon reads UTF-8 only)");
        assertThat(u.format()).isEqualTo(InputFormat.TEXT);
        assertThat(u.payload()).isEqualTo(latin1);
    }

    @Test
    void wholeFileOverTheLimitKeepsOnlyAPrefix() {
        String body = "<html><body><p>" + "word ".repeat(2000) + "</p></body></html>";
        Path f = write(dir, "big.html", body, MTIME);

        InputUnit u = readAll(ReaderOptions.defaults().withMaxBytes(4096), f.toString()).get(0);

        assertThat(u.error()).startsWith("The file is 10 KiB, over the 4 KiB limit");
        assertThat(u.payload()).hasSize(InputUnit.ERROR_PAYLOAD_BYTES > 4097 ? 4097 : InputUnit.ERROR_PAYLOAD_BYTES);
    }

    @Test
    void jsonArrayElementsAreCompactedAndNumbered() {
        Path f = TestFiles.fixture("archive/2024-04/array.json");

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(f + "#1", f + "#2");
        assertThat(text(units.get(0))).isEqualTo("{\"id\":\"b-1\",\"url\":\"https://example.net/b/1\","
                + "\"title\":\"Council meets in Benghazi\",\"body\":\"Members of the municipal council met in Benghazi"
                + " to discuss the water network.\",\"publishedAt\":\"2024-04-14T12:00:00+02:00\",\"score\":1.50}");
        assertThat(units.get(0).key()).isEqualTo("b-1");
        assertThat(units.get(0).eventTime()).isEqualTo(Instant.parse("2024-04-14T10:00:00Z"));
        assertThat(units.get(1).eventTime()).isEqualTo(Instant.parse("2024-04-18T06:00:00Z"));
    }

    @Test
    void brokenJsonArrayKeepsEarlierElementsAndReportsWhere() {
        Path f = write(dir, "broken.json", "[{\"title\":\"a\",\"body\":\"b\"},\n {\"title\": \"c\" \"body\": 1},"
                + " {\"title\":\"never\"}]", MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).hasSize(2);
        assertThat(units.get(0).error()).isNull();
        assertThat(units.get(1).origin()).isEqualTo(f + "#2");
        assertThat(units.get(1).error()).startsWith("The JSON array is broken at element 2 (line 2, column")
                .endsWith("the rest of the file was not read");
    }

    @Test
    void contentAfterTheArrayIsReportedNotLost() {
        Path f = write(dir, "two.json", "[{\"title\":\"a\",\"body\":\"b\"}]\n{\"title\":\"stray\"}\n", MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(f + "#1", f.toString());
        assertThat(units.get(1).error()).isEqualTo(
                "The file has more content after the JSON array (line 2, column 1); that content was not read");
        assertThat(text(units.get(1))).isEqualTo("{\"title\":\"stray\"}\n");
    }

    @Test
    void aDateFarAfterTheFileTimeIsReplacedLikeTheTopologyDoes() {
        Path f = write(dir, "future.jsonl", "{\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"2031-01-01T00:00:00Z\"}\n",
                MTIME);

        InputUnit u = readAll(f.toString()).get(0);

        assertThat(u.eventTime()).isEqualTo(MTIME);
        assertThat(u.timeSource()).isEqualTo("file-time");
    }

    @Test
    void severalTopLevelValuesInAJsonFileAreSeveralUnits() {
        Path f = write(dir, "lines.json", "{\"id\":\"s1\",\"title\":\"a\",\"body\":\"b\"}\n{\n  \"id\": \"s2\",\n"
                + "  \"title\": \"c\", \"body\": \"d\"\n}\n{\"id\":\"s3\", broken", MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(f + "#1", f + "#2", f + "#3");
        assertThat(units).extracting(InputUnit::key).containsExactly("s1", "s2", f + "#3");
        assertThat(text(units.get(1))).isEqualTo("{\"id\":\"s2\",\"title\":\"c\",\"body\":\"d\"}");
        assertThat(units.get(2).error()).startsWith("The JSON in this file is broken at value 3 (line 6");
    }

    @Test
    void jsonObjectFileIsOneUnchangedUnit() {
        String pretty = "{\n  \"id\": \"obj\",\n  \"title\": \"t\",\n  \"body\": \"b\"\n}\n";
        Path f = write(dir, "one.json", pretty, MTIME);

        InputUnit u = readAll(f.toString()).get(0);

        assertThat(u.origin()).isEqualTo(f.toString());
        assertThat(text(u)).isEqualTo(pretty);
        assertThat(u.key()).isEqualTo("obj");
    }

    @Test
    void textAndHtmlFilesAreWholeUnitsWithTheirOwnDates() {
        Path txt = TestFiles.fixture("archive/notes/story.txt");
        Path html = TestFiles.fixture("archive/pages/page.html");

        List<InputUnit> units = readAll(txt.toString(), html.toString());

        assertThat(units).extracting(InputUnit::format).containsExactly(InputFormat.TEXT, InputFormat.HTML);
        assertThat(units.get(0).eventTime()).isEqualTo(Instant.parse("2024-04-16T09:15:00Z"));
        assertThat(units.get(1).eventTime()).isEqualTo(Instant.parse("2024-04-13T15:45:00Z"));
        assertThat(units).extracting(InputUnit::timeSource).containsOnlyNulls();
        assertThat(units.get(1).payload()).isEqualTo(readBytes(html));
    }

    @Test
    void folderWalkIsSortedRecursiveAndCountsSkippedFiles() {
        Path archive = TestFiles.fixture("archive");

        try (InputReader r = InputReader.open(List.of(archive.toString()), ReaderOptions.defaults())) {
            List<String> origins = new java.util.ArrayList<>();
            r.forEachRemaining(u -> origins.add(u.origin()));

            assertThat(origins).containsExactly(
                    archive + "/2024-04/array.json#1", archive + "/2024-04/array.json#2",
                    archive + "/2024-04/articles.jsonl:1", archive + "/2024-04/articles.jsonl:3",
                    archive + "/2024-04/articles.jsonl:4", archive + "/2024-04/articles.jsonl:5",
                    archive + "/2024-04/articles.jsonl:6",
                    archive + "/notes/story.txt", archive + "/pages/page.html");
            assertThat(r.skippedFiles()).isEqualTo(2);
            assertThat(r.skippedExamples())
                    .containsExactly(archive + "/2024-04/.draft.jsonl", archive + "/README.md");
        }
    }

    @Test
    void relativePathsStayRelativeInOrigins() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path sub = Files.createTempDirectory(cwd.resolve("target"), "rel-");
        write(sub, "x/a.txt", "Title\n\nSome text here.", MTIME);
        String relative = cwd.relativize(sub).toString();

        List<InputUnit> units = readAll(relative);

        assertThat(units).extracting(InputUnit::origin).containsExactly(relative + "/x/a.txt");
    }

    @Test
    void explicitFileOfUnknownTypeAndMissingPathsAreErrorUnits() {
        Path pdf = write(dir, "report.pdf", "%PDF-1.4", MTIME);

        List<InputUnit> units = readAll(pdf.toString(), dir.resolve("nope.jsonl").toString(), "ftp://x.example/f");

        assertThat(units).extracting(InputUnit::error).containsExactly(
                "Unsupported file type \".pdf\": newsmon reads .jsonl, .json, .txt, .html, .htm, .xml, .rss and .atom"
                        + " files",
                "No such file or folder",
                "Unsupported URL \"ftp://x.example/f\": only http:// and https:// feed URLs can be fetched");
        assertThat(units).extracting(InputUnit::timeSource).containsOnly("ingest-time");
    }

    @Test
    void symlinkLoopsEndAndBrokenLinksAreReported() throws IOException {
        Path a = dir.resolve("a");
        write(a, "one.txt", "One\n\nText of one.", MTIME);
        Files.createSymbolicLink(a.resolve("loop"), a);
        Files.createSymbolicLink(a.resolve("dangling.txt"), dir.resolve("missing.txt"));

        try (InputReader r = InputReader.open(List.of(a.toString()), ReaderOptions.defaults())) {
            List<InputUnit> units = new java.util.ArrayList<>();
            r.forEachRemaining(units::add);

            assertThat(units).extracting(InputUnit::origin)
                    .containsExactly(a + "/dangling.txt", a + "/one.txt");
            assertThat(units.get(0).error()).isEqualTo("The file is a symbolic link to a file that does not exist");
            assertThat(r.skippedFiles()).isEqualTo(1);
            assertThat(r.skippedExamples().get(0)).contains("loop");
        }
    }

    @Test
    void unreadableFileIsAnErrorUnit() throws IOException {
        Path f = write(dir, "secret.txt", "Title\n\nText.", MTIME);
        f.toFile().setReadable(false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions not enforced");

        InputUnit u = readAll(f.toString()).get(0);

        assertThat(u.error()).isEqualTo("The file cannot be read: permission denied");
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] padding(int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            sb.append("{\"title\":\"pad\",\"body\":\"padding line\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
