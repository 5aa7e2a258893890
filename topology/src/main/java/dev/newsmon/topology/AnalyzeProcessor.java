package dev.newsmon.topology;

import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.pipeline.ArticleAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * The parallel stage: parse, validate, extract, fingerprint and tag one raw record. Everything that goes wrong
 * becomes a rejection with the record's origin; nothing is thrown.
 */
final class AnalyzeProcessor implements Processor<byte[], byte[], String, SequencedItem> {

    static final String TIME_SOURCE_DEFAULT = "ingest-time";
    /**
     * Largest analyzed item (as JSON) sent on. A Kafka record over the broker's limit (1 MiB by default) fails the
     * transaction, and the same input would fail it again after every retry: the monitor would stop. Bigger items
     * are rejected here instead, with the size in the reason.
     */
    static final int MAX_ITEM_BYTES = 1_000_000;
    /** Longest text (chars) whose output JSON is carried on the sequencer hop: binary + JSON stay under ~400 KB. */
    static final int MAX_TEXT_WITH_JSON = 60_000;
    /** Origins come from a producer header; one absurdly long would make its rejection record too large. */
    static final int MAX_ORIGIN_CHARS = 1000;

    private final TopologyConfig config;
    private final ArticleParser parser;
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final RecurringLineFilter lineFilter = new RecurringLineFilter();
    private final PipelineMetrics metrics = PipelineMetrics.global();
    private ProcessorContext<String, SequencedItem> context;
    private WatchlistView watchlist;

    AnalyzeProcessor(TopologyConfig config) {
        this.config = config;
        this.parser = new ArticleParser(config.maxArticleBytes());
    }

    @Override
    public void init(ProcessorContext<String, SequencedItem> context) {
        this.context = context;
        TimestampedKeyValueStore<String, byte[]> store = context.getStateStore(NewsmonTopology.WATCHLIST_STORE);
        this.watchlist = new WatchlistView(store, config.watchlistRefresh());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Headers headers = record.headers();
        String origin = header(headers, RawHeaders.ORIGIN).map(AnalyzeProcessor::shortOrigin).orElseGet(this::kafkaOrigin);
        String run = header(headers, RawHeaders.RUN).orElse(null);
        long seq = header(headers, RawHeaders.SEQ).map(AnalyzeProcessor::parseSeq).orElse(SequencedItem.NO_SEQ);
        if (run == null || seq < 0) {
            run = null;
            seq = SequencedItem.NO_SEQ;
        }
        long ingestedAt = header(headers, RawHeaders.INGESTED_AT).map(AnalyzeProcessor::parseSeq)
                .filter(t -> t > 0).orElse(context.currentSystemTimeMs());
        metrics.recordIn();
        SequencedItem item = analyze(record, headers, origin, run, seq, ingestedAt);
        context.forward(record.withKey(run == null ? "" : run).withValue(item));
    }

    private SequencedItem analyze(Record<byte[], byte[]> record, Headers headers, String origin, String run, long seq,
            long ingestedAt) {
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        try {
            Optional<String> formatHeader = header(headers, RawHeaders.FORMAT);
            // No header means JSON; an unknown one must not be read as JSON (Optional.map(null) would say so).
            InputFormat format = formatHeader.isEmpty() ? InputFormat.JSON
                    : InputFormat.fromWireName(formatHeader.get()).orElse(null);
            String producerError = header(headers, RawHeaders.ERROR).orElse(null);
            if (format == null && producerError == null) {
                producerError = "unknown input format \"" + formatHeader.get() + "\" in header " + RawHeaders.FORMAT;
            }
            RawInput raw = new RawInput(payload, format, origin, producerError,
                    Instant.ofEpochMilli(Math.max(0L, record.timestamp())),
                    header(headers, RawHeaders.TIME_SOURCE).orElse(TIME_SOURCE_DEFAULT));
            ParseOutcome outcome = parser.parse(raw);
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                return new SequencedItem(run, seq, null, rejected.rejection(), ingestedAt);
            }
            ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
            AnalyzedArticle analyzed = analyzer.analyze(parsed.article(), watchlist.tagger());
            Article a = analyzed.article();
            SequencedItem item = new SequencedItem(run, seq, analyzed, null, ingestedAt,
                    lineFilter.edges(a.source(), a.text()));
            long size = sizeOverLimit(item);
            if (size == 0 && a.text().length() <= MAX_TEXT_WITH_JSON) {
                // The output JSON is written here, in parallel, instead of in the one sequenced task. Only for
                // articles whose sequencer record then stays far below a Kafka record's limit.
                item = new SequencedItem(run, seq, analyzed, null, ingestedAt, item.edgeLines(), Json.writeBytes(a));
            }
            if (size > 0) {
                return new SequencedItem(run, seq, null, new Rejection(String.format(Locale.ROOT,
                        "The article is too large to publish: after analysis it is %d KiB of JSON, over the %d KiB"
                                + " limit of one Kafka record", (size + 1023) / 1024, MAX_ITEM_BYTES / 1024),
                        a.id(), origin, ArticleParser.excerpt(payload),
                        RejectCode.TOO_LARGE.wireName()), ingestedAt);
            }
            return item;
        } catch (RuntimeException | StackOverflowError e) {
            return new SequencedItem(run, seq, null, new Rejection("Internal error while analyzing the article ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", null, origin,
                    ArticleParser.excerpt(payload), RejectCode.INTERNAL.wireName()), ingestedAt);
        }
    }

    /**
     * The item's size as JSON when it exceeds {@link #MAX_ITEM_BYTES}, else 0. It is serialized only when a cheap
     * upper bound (every char escaped as {@code \\uXXXX}, a generous allowance per entity and offset) exceeds the
     * limit, which almost no article does.
     */
    static long sizeOverLimit(SequencedItem item) {
        Article a = item.analyzed().article();
        long chars = len(a.text()) + len(a.title()) + 2L * len(a.url()) + len(a.source()) + len(a.origin())
                + 2L * len(a.id());
        long entities = 0;
        for (EntityMention e : a.entities()) {
            entities += 1024 + 6L * len(e.snippet()) + 64L * e.offsets().size();
        }
        if (6 * chars + entities + 16_384 <= MAX_ITEM_BYTES) {
            return 0;
        }
        long size = Json.writeBytes(item).length;
        return size > MAX_ITEM_BYTES ? size : 0;
    }

    private static long len(String s) {
        return s == null ? 0 : s.length();
    }

    private static String shortOrigin(String origin) {
        return origin.length() <= MAX_ORIGIN_CHARS ? origin : origin.substring(0, MAX_ORIGIN_CHARS) + "…";
    }

    private String kafkaOrigin() {
        return context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse("unknown");
    }

    private static Optional<String> header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        if (h == null || h.value() == null) {
            return Optional.empty();
        }
        String v = new String(h.value(), StandardCharsets.UTF_8).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A non-negative long, or -1. */
    private static long parseSeq(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return SequencedItem.NO_SEQ;
        }
    }
}
