package dev.newsmon.core.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.newsmon.core.json.ParseErrors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.extract.Dates;
import dev.newsmon.core.extract.ExtractedPage;
import dev.newsmon.core.extract.HtmlExtractor;
import dev.newsmon.core.extract.PlainTextExtractor;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns one raw input (a JSON article, a plain-text or an HTML page) into a {@link ParsedArticle}, or
 * rejects it with a reason a person understands. Never throws on bad input.
 */
public final class ArticleParser {

    /** Default limit on the raw size of one article. Well under the broker's 1 MiB message limit. */
    public static final int DEFAULT_MAX_BYTES = 512 * 1024;
    /** How much of a rejected input is kept in the rejection record. */
    public static final int RAW_EXCERPT_CHARS = 2000;
    static final int MAX_ID_LENGTH = 256;
    /** Longer titles and source names are cut (with "…"): they are labels, and they are repeated in every output. */
    static final int MAX_TITLE_CHARS = 1000;
    static final int MAX_SOURCE_CHARS = 200;
    /** A longer {@code url} is rejected: cutting it would change the article's identity. */
    static final int MAX_URL_CHARS = 8192;
    /** {@code publishedAtSource} of an article whose date lay in the future and was replaced. */
    public static final String FUTURE_DATE_REPLACED = "future-date-replaced";
    private static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);
    /** {@code publishedAtSource} values of a date the article itself gave (field, HTML meta, date line in the text). */
    private static final java.util.Set<String> OWN_DATE_SOURCES = java.util.Set.of("input", "html-meta", "text");

    private final int maxBytes;

    /**
     * True when {@code publishedAt} came from the article (its date field, HTML meta or a date line); false when it is
     * a stand-in: the ingest or file time of an undated article, or the replacement of a date in the future.
     */
    public static boolean hasOwnDate(String publishedAtSource) {
        return publishedAtSource != null && OWN_DATE_SOURCES.contains(publishedAtSource);
    }

    public ArticleParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ArticleParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public ParseOutcome parse(RawInput in) {
        try {
            return parseOrThrow(in);
        } catch (InvalidArticleException e) {
            return reject(in, e.code, e.getMessage(), e.id);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug or a pathological input must not stop the pipeline: the record is rejected instead.
            return reject(in, RejectCode.UNPARSEABLE, "the input could not be parsed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null);
        }
    }

    private ParseOutcome parseOrThrow(RawInput in) {
        if (in.producerError() != null) {
            throw new InvalidArticleException(RejectCode.PRODUCER, in.producerError(), null);
        }
        if (in.payload().length == 0) {
            throw new InvalidArticleException(RejectCode.EMPTY_INPUT, "the input is empty", null);
        }
        if (in.payload().length > maxBytes) {
            throw new InvalidArticleException(RejectCode.TOO_LARGE, "the article is " + kib(in.payload().length)
                    + " KiB, over the " + kib(maxBytes) + " KiB limit", null);
        }
        String text = decodeUtf8(in.payload());
        if (in.format() == null) {
            throw new InvalidArticleException(RejectCode.UNKNOWN_FORMAT, "the input format is unknown", null);
        }
        ParsedArticle article = switch (in.format()) {
            case JSON -> fromJson(text, in);
            case TEXT -> fromPage(PlainTextExtractor.extract(text), in, "the text file has no readable text");
            case HTML -> fromPage(HtmlExtractor.extract(text), in, "the HTML page has no readable text");
        };
        return new ParseOutcome.Parsed(withPlausibleDate(article, in));
    }

    /**
     * A publication date more than a day after the time the record was produced is a typo or a bad clock; left in
     * place it would make every other article look old to the dedup horizon. It is replaced by the fallback time
     * and flagged in {@code publishedAtSource}.
     */
    private static ParsedArticle withPlausibleDate(ParsedArticle a, RawInput in) {
        if (a.publishedAt() == null || in.fallbackTime() == null
                || !a.publishedAt().isAfter(in.fallbackTime().plus(FUTURE_TOLERANCE))) {
            return a;
        }
        return new ParsedArticle(a.givenId(), a.url(), a.source(), a.title(), a.text(), a.lang(), in.fallbackTime(),
                FUTURE_DATE_REPLACED, a.origin());
    }

    private static ParsedArticle fromPage(ExtractedPage page, RawInput in, String emptyReason) {
        if (isBlankText(page.text()) && isBlankText(page.title())) {
            throw new InvalidArticleException(RejectCode.NO_TEXT, emptyReason, null);
        }
        String text = isBlankText(page.text()) ? page.title() : page.text();
        String title = cut(!isBlankText(page.title()) ? page.title().strip() : firstLine(text), MAX_TITLE_CHARS);
        Instant published = page.publishedAt();
        String publishedSource = in.format() == InputFormat.HTML ? "html-meta" : "text";
        if (published == null) {
            published = in.fallbackTime();
            publishedSource = in.fallbackTimeSource();
        }
        return new ParsedArticle(null, checkedUrl(page.url()), cut(page.siteName(), MAX_SOURCE_CHARS), title, text,
                Languages.normalizeTag(page.lang()), published, publishedSource, in.origin());
    }

    private static ParsedArticle fromJson(String text, RawInput in) {
        JsonNode node = readOneValue(text);
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException(RejectCode.NOT_AN_OBJECT, "expected a JSON object for the article, found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)), null);
        }
        String id = id(node);
        try {
            String url = string(node, "url");
            String source = string(node, "source");
            String title = string(node, "title");
            String body = string(node, "body");
            String html = string(node, "html");
            String lang = string(node, "lang");
            String publishedRaw = dateText(node);
            String mainText;
            ExtractedPage page = null;
            if (!isBlankText(body)) {
                mainText = body.strip();
            } else if (!isBlankText(html)) {
                page = HtmlExtractor.extract(html);
                mainText = page.text();
                if (isBlankText(mainText)) {
                    throw new InvalidArticleException(RejectCode.NO_TEXT, "the html field has no readable text", id);
                }
            } else if (body != null || html != null) {
                throw new InvalidArticleException(RejectCode.EMPTY_BODY, "the article body is empty", id);
            } else {
                throw new InvalidArticleException(RejectCode.MISSING_BODY, "the article has neither \"body\" nor \"html\"", id);
            }
            if (isBlankText(title)) {
                title = page != null && !isBlankText(page.title()) ? page.title() : firstLine(mainText);
            }
            Instant published;
            String publishedSource;
            try {
                published = Dates.parse(publishedRaw);
            } catch (DateTimeException e) {
                throw new InvalidArticleException(RejectCode.INVALID_DATE, "the date in \"publishedAt\" cannot be read: "
                        + e.getMessage(), id);
            }
            publishedSource = "input";
            if (published == null && page != null && page.publishedAt() != null) {
                published = page.publishedAt();
                publishedSource = "html-meta";
            }
            if (published == null) {
                published = in.fallbackTime();
                publishedSource = in.fallbackTimeSource();
            }
            if (url == null && page != null) {
                url = page.url();
            }
            if (source == null && page != null) {
                source = page.siteName();
            }
            return new ParsedArticle(id, checkedUrl(blankToNull(url)), cut(blankToNull(source), MAX_SOURCE_CHARS),
                    cut(title.strip(), MAX_TITLE_CHARS), mainText,
                    Languages.normalizeTag(lang), published, publishedSource, in.origin());
        } catch (InvalidArticleException e) {
            throw new InvalidArticleException(e.code, e.getMessage(), id);
        }
    }

    /**
     * Exactly one JSON value: {@code {…}{…}} or {@code {…} words} on one line is rejected, not read as its first
     * object (the rest would vanish without trace).
     */
    private static JsonNode readOneValue(String text) {
        try (JsonParser p = Json.mapper().createParser(text)) {
            JsonNode node = Json.mapper().readTree(p);
            JsonLocation end = p.currentLocation();
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) {
                throw new InvalidArticleException(RejectCode.INVALID_JSON, "the line has more content after the article"
                        + " (from column " + end.getColumnNr() + ") that is not JSON", null);
            }
            if (more) {
                throw new InvalidArticleException(RejectCode.INVALID_JSON, "the line holds more than one JSON value: "
                        + "another one starts after the article (column " + p.currentTokenLocation().getColumnNr()
                        + "); put one article per line", null);
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InvalidArticleException(RejectCode.INVALID_JSON, "the JSON is too deeply nested or too large to"
                    + " read (" + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + ")", null);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleException(RejectCode.INVALID_JSON, "the line is not valid JSON: "
                    + ParseErrors.describe(e, false), null);
        } catch (IOException e) {
            throw new InvalidArticleException(RejectCode.INVALID_JSON, "the line cannot be read as JSON: "
                    + ParseErrors.describe(e, false), null);
        }
    }

    /**
     * Blank for a reader: nothing but white space, invisible format characters (zero-width and bidi marks, BOM,
     * soft hyphen) and control characters. {@link String#isBlank()} lets NBSP and U+200B through.
     */
    static boolean isBlankText(String s) {
        return s == null || s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp));
    }

    private static String cut(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return s.substring(0, end) + "…";
    }

    private static String checkedUrl(String url) {
        if (url != null && url.length() > MAX_URL_CHARS) {
            throw new InvalidArticleException(RejectCode.TOO_LARGE, "the url is " + url.length() + " characters long,"
                    + " over the " + MAX_URL_CHARS + " limit; it cannot be an article's address", null);
        }
        return url;
    }

    private static String id(JsonNode node) {
        JsonNode v = node.get("id");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException(RejectCode.WRONG_TYPE, "\"id\" must be a string, not " + typeName(v), null);
        }
        String id = v.asText().strip();
        if (id.isEmpty()) {
            throw new InvalidArticleException(RejectCode.INVALID_ID, "\"id\" is empty", null);
        }
        if (id.length() > MAX_ID_LENGTH || id.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidArticleException(RejectCode.INVALID_ID, "\"id\" must be at most " + MAX_ID_LENGTH
                    + " characters without control characters", null);
        }
        return id;
    }

    private static String dateText(JsonNode node) {
        JsonNode v = node.get("publishedAt");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException(RejectCode.WRONG_TYPE, "\"publishedAt\" must be an ISO-8601 string, not " + typeName(v), null);
        }
        return v.asText();
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException(RejectCode.WRONG_TYPE, "\"" + field + "\" must be a string, not " + typeName(v), null);
        }
        return v.asText();
    }

    private static String typeName(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String s = chars.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException(RejectCode.NOT_UTF8, "the input is not valid UTF-8 text", null);
        }
    }

    private static String firstLine(String text) {
        return cut(text.strip().split("\\R", 2)[0].strip(), 200);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    private static ParseOutcome reject(RawInput in, RejectCode code, String reason, String id) {
        return new ParseOutcome.Rejected(new Rejection(capitalize(reason), id, in.origin(), excerpt(in.payload()),
                code.wireName()));
    }

    /** The raw input as text for a rejection record: lossy UTF-8, truncated, control characters escaped. */
    public static String excerpt(byte[] payload) {
        int limit = Math.min(payload.length, RAW_EXCERPT_CHARS * 4);
        String s = new String(payload, 0, limit, StandardCharsets.UTF_8);
        if (s.length() > RAW_EXCERPT_CHARS) {
            s = s.substring(0, RAW_EXCERPT_CHARS) + "…";
        } else if (limit < payload.length) {
            s = s + "…";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
            }
        });
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class InvalidArticleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RejectCode code;
        private final String id;

        InvalidArticleException(RejectCode code, String message, String id) {
            super(message, null, false, false);
            this.code = code;
            this.id = id;
        }
    }
}
