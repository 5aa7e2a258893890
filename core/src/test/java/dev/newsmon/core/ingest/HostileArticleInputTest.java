package dev.newsmon.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.pipeline.ArticleAnalyzer;
import dev.newsmon.core.tagging.EntityTagger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile single inputs at the parser: each is rejected with a sentence and the right code, or accepted
 * in a documented way; none throws, and what is accepted can be analyzed and written as JSON.
 */
class HostileArticleInputTest {

    private static final Instant FALLBACK = Instant.parse("2024-06-01T12:00:00Z");
    private static final String GOOD = "{\"id\":\"a1\",\"title\":\"Port of Tobruk\",\"body\":\"Ships wait outside the"
            + " port of Tobruk.\",\"publishedAt\":\"2024-05-01T00:00:00Z\"}";

    private final ArticleParser parser = new ArticleParser();

    static ParseOutcome parse(ArticleParser parser, InputFormat format, byte[] payload) {
        return parser.parse(new RawInput(payload, format, "hostile.jsonl:7", null, FALLBACK, "file-time"));
    }

    private ParseOutcome json(String s) {
        return parse(parser, InputFormat.JSON, s.getBytes(StandardCharsets.UTF_8));
    }

    private Rejection rejected(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
        Rejection r = ((ParseOutcome.Rejected) outcome).rejection();
        assertThat(r.origin()).isEqualTo("hostile.jsonl:7");
        assertThat(r.reason()).as("a sentence").matches("[A-Z\"].{10,}");
        return r;
    }

    private ParsedArticle parsed(ParseOutcome outcome) {
        assertThat(outcome).as("%s", outcome).isInstanceOf(ParseOutcome.Parsed.class);
        ParsedArticle a = ((ParseOutcome.Parsed) outcome).article();
        // What the topology does next must not throw either.
        AnalyzedArticle analyzed = new ArticleAnalyzer().analyze(a, EntityTagger.builtIn());
        Article article = analyzed.article();
        assertThat(Json.writeBytes(article)).isNotEmpty();
        return a;
    }

    static Stream<Arguments> rejectedJson() {
        return Stream.of(
                Arguments.of("truncated", "{\"id\":\"a1\",\"title\":\"cut of", RejectCode.INVALID_JSON, "not valid JSON"),
                Arguments.of("not json", "this is not json at all", RejectCode.INVALID_JSON, "not valid JSON"),
                Arguments.of("two objects on one line", GOOD + GOOD, RejectCode.INVALID_JSON, "more than one JSON value"),
                Arguments.of("object then text", GOOD + " trailing words", RejectCode.INVALID_JSON, "after the article"),
                Arguments.of("array", "[" + GOOD + "]", RejectCode.NOT_AN_OBJECT, "Expected a JSON object"),
                Arguments.of("null", "null", RejectCode.NOT_AN_OBJECT, "Expected a JSON object"),
                Arguments.of("title array", "{\"title\":[\"a\"],\"body\":\"text here\"}", RejectCode.WRONG_TYPE,
                        "\"title\" must be a string"),
                Arguments.of("body number", "{\"title\":\"t\",\"body\":42}", RejectCode.WRONG_TYPE, "\"body\" must be"),
                Arguments.of("id object", "{\"id\":{},\"body\":\"text here\"}", RejectCode.WRONG_TYPE, "\"id\" must be"),
                Arguments.of("id float", "{\"id\":1.5,\"body\":\"text here\"}", RejectCode.WRONG_TYPE, "\"id\" must be"),
                Arguments.of("date boolean", "{\"body\":\"text here\",\"publishedAt\":true}", RejectCode.WRONG_TYPE,
                        "\"publishedAt\" must be"),
                Arguments.of("empty body", "{\"title\":\"t\",\"body\":\"\"}", RejectCode.EMPTY_BODY, "body is empty"),
                Arguments.of("whitespace body", "{\"title\":\"t\",\"body\":\" \\n\\t \"}", RejectCode.EMPTY_BODY,
                        "body is empty"),
                Arguments.of("invisible body", "{\"title\":\"t\",\"body\":\"\\u00a0\\u200b\\u2003\\u200f\\ufeff\"}",
                        RejectCode.EMPTY_BODY, "body is empty"),
                Arguments.of("no body no html", "{\"title\":\"Only a title\"}", RejectCode.MISSING_BODY,
                        "neither \"body\" nor \"html\""),
                Arguments.of("html without text", "{\"html\":\"<div><script>x()</script></div>\"}", RejectCode.NO_TEXT,
                        "no readable text"),
                Arguments.of("unreadable date", "{\"body\":\"text here\",\"publishedAt\":\"next tuesday\"}",
                        RejectCode.INVALID_DATE, "publishedAt"),
                Arguments.of("huge epoch", "{\"body\":\"text here\",\"publishedAt\":99999999999999999999}",
                        RejectCode.INVALID_DATE, "publishedAt"),
                Arguments.of("year out of range", "{\"body\":\"text here\",\"publishedAt\":\"-290000000-01-01T00:00:00Z\"}",
                        RejectCode.INVALID_DATE, "publishedAt"),
                Arguments.of("id with control chars", "{\"id\":\"a\\u0000b\",\"body\":\"text here\"}",
                        RejectCode.INVALID_ID, "control characters"),
                Arguments.of("id too long", "{\"id\":\"" + "x".repeat(300) + "\",\"body\":\"text here\"}",
                        RejectCode.INVALID_ID, "at most 256"),
                Arguments.of("10k-deep nesting", "[".repeat(10_000) + "]".repeat(10_000), RejectCode.INVALID_JSON,
                        "nest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedJson")
    void brokenJsonIsRejectedWithAReason(String name, String input, RejectCode code, String reasonPart) {
        Rejection r = rejected(json(input));
        assertThat(r.code()).isEqualTo(code.wireName());
        assertThat(r.reason()).contains(reasonPart);
        assertThat(r.raw()).isNotEmpty();
    }

    @Test
    void trailingWhiteSpaceAfterTheObjectIsFine() {
        assertThat(parsed(json(GOOD + "  \r\n")).givenId()).isEqualTo("a1");
    }

    @Test
    void unknownFieldsAreIgnored() {
        ParsedArticle a = parsed(json("{\"id\":\"a2\",\"body\":\"Text about Tobruk.\",\"tags\":[1,{\"x\":null}],"
                + "\"extra\":{\"deep\":" + "[".repeat(500) + "]".repeat(500) + "}}"));
        assertThat(a.text()).isEqualTo("Text about Tobruk.");
    }

    @Test
    void aDateInTheFutureIsReplacedByTheFallbackAndFlagged() {
        ParsedArticle a = parsed(json("{\"body\":\"Text here.\",\"publishedAt\":\"2999-01-01T00:00:00Z\"}"));
        assertThat(a.publishedAt()).isEqualTo(FALLBACK);
        assertThat(a.publishedAtSource()).isEqualTo(ArticleParser.FUTURE_DATE_REPLACED);
    }

    @Test
    void invalidUtf8AndEmptyInputAreRejected() {
        Rejection notUtf8 = rejected(parse(parser, InputFormat.JSON, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertThat(notUtf8.code()).isEqualTo(RejectCode.NOT_UTF8.wireName());
        Rejection cesu = rejected(parse(parser, InputFormat.TEXT, new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        assertThat(cesu.code()).isEqualTo(RejectCode.NOT_UTF8.wireName());
        assertThat(rejected(parse(parser, InputFormat.HTML, new byte[0])).code())
                .isEqualTo(RejectCode.EMPTY_INPUT.wireName());
    }

    @Test
    void oversizeInputIsRejectedWithTheLimitInTheReason() {
        ArticleParser small = new ArticleParser(1024);
        String big = "{\"body\":\"" + "x".repeat(2000) + "\"}";
        Rejection r = rejected(parse(small, InputFormat.JSON, big.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.code()).isEqualTo(RejectCode.TOO_LARGE.wireName());
        assertThat(r.reason()).contains("1 KiB limit");
        assertThat(r.raw().length()).isLessThanOrEqualTo(ArticleParser.RAW_EXCERPT_CHARS + 1);
    }

    @Test
    void loneSurrogatesAreAcceptedAndWrittenAsValidJson() {
        ParsedArticle a = parsed(json("{\"title\":\"\\ud800 Tobruk\",\"body\":\"Port \\udc00 of Tobruk \\ud83d.\"}"));
        assertThat(a.text()).contains("Tobruk");
    }

    @Test
    void htmlNestedTenThousandDeepKeepsItsText() throws Exception {
        String html = "<html><body>" + "<div>".repeat(10_000) + "<p>Ships wait outside the port of Tobruk, officials"
                + " said on Monday.</p>" + "</div>".repeat(10_000) + "</body></html>";
        String inJson = Json.write(java.util.Map.of("title", "Deep", "html", html));
        // On a thread with half the JVM's default stack (the build runs tests with -Xss4m, stream threads do not).
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                ParsedArticle page = parsed(parse(parser, InputFormat.HTML, html.getBytes(StandardCharsets.UTF_8)));
                assertThat(page.text()).contains("port of Tobruk");
                ParsedArticle field = parsed(json(inJson));
                assertThat(field.text()).contains("port of Tobruk");
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void aVeryLongSingleLineTextIsAcceptedWithAShortTitle() {
        String line = "Tobruk ".repeat(60_000);
        ParsedArticle a = parsed(parse(parser, InputFormat.TEXT, line.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.title().length()).isLessThanOrEqualTo(ArticleParser.MAX_TITLE_CHARS + 1);
        assertThat(a.text().length()).isGreaterThan(400_000);
    }
}
