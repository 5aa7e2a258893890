package dev.newsmon.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.watchlist.WatchlistFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rejection reasons and file errors are sentences with line and column, not parser internals. */
class ParseErrorsTest {

    /** Words of Jackson's and SnakeYAML's internals that must never reach a person. */
    private static final String[] JARGON = {"Source:", "REDACTED", "StreamReadFeature", "VALUE_STRING", "(code ",
        "CTRL-CHAR", "marker", "JsonToken", "reader'", "START_OBJECT"};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"a\", \"title\": ", "{\"id\": \"a\" \"title\": \"t\"}", "{id: 1}",
        "{\"title\": \"unterminated", "{\"body\": nonsense}", "[1, 2", "{\"a\": \"line\nbreak\"}",
        "{\"a\": 1]", "{\"a\" 1}", "{\"a\": }"})
    void brokenJsonLinesGetAPlainReasonWithTheColumn(String line) {
        ParseOutcome outcome = new ArticleParser(512 * 1024).parse(new RawInput(line.getBytes(StandardCharsets.UTF_8),
                InputFormat.JSON, "f.jsonl:3", null, Instant.parse("2024-01-01T00:00:00Z"), "file-time"));
        assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
        String reason = ((ParseOutcome.Rejected) outcome).rejection().reason();
        assertThat(reason).as(line).containsPattern("column \\d+").doesNotContain(JARGON);
    }

    @Test
    void aBrokenYamlWatchlistNamesLineAndColumn() throws Exception {
        Path file = Files.writeString(tmp.resolve("w.yaml"), "tracked:\n  - id: tobruk\n   bad: [\n",
                StandardCharsets.UTF_8);
        WatchlistFile.InvalidWatchlistException e = catchThrowableOfType(() -> WatchlistFile.load(file),
                WatchlistFile.InvalidWatchlistException.class);
        assertThat(e.getMessage()).containsPattern("line \\d+, column \\d+").doesNotContain(JARGON);
    }

    @Test
    void aBrokenJsonWatchlistNamesLineAndColumn() throws Exception {
        Path file = Files.writeString(tmp.resolve("w.json"), "{\"tracked\": [\n  {\"id\": \"tobruk\"}\n  {\"id\": \"x\"}]}",
                StandardCharsets.UTF_8);
        WatchlistFile.InvalidWatchlistException e = catchThrowableOfType(() -> WatchlistFile.load(file),
                WatchlistFile.InvalidWatchlistException.class);
        assertThat(e.getMessage()).contains("line 3, column 3").contains("comma").doesNotContain(JARGON);
    }

    @Test
    void yamlParserMessagesKeepOnlyTheirFirstSentence() {
        IOException e = catchThrowableOfType(() -> new ObjectMapper(new YAMLFactory()).readTree("a: [1, 2\nb: c: d\n"),
                IOException.class);
        assertThat(ParseErrors.describe(e)).containsPattern("line \\d+, column \\d+").doesNotContain(JARGON)
                .doesNotContain("\n");
    }
}
