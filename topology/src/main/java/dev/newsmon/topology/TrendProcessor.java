package dev.newsmon.topology;

import dev.newsmon.core.Hashing;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.AlertMatch;
import dev.newsmon.core.model.AlertTrend;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.pipeline.AlertFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Passes every output on, counts each new (unique) article once per entity it mentions in event-time buckets, and
 * adds a {@code trend} alert when an entity's count in a window jumps above its baseline.
 *
 * <p>It runs in the sequenced stage, after dedup: copies never reach it (duplicates do not inflate a trend), and it
 * sees the articles in the one total order, so the same input gives the same trend alerts on every replay, whatever
 * the partition or instance count. Time is event time ({@code publishedAt}), never the wall clock.
 *
 * <p>Rules: the windows containing the article's time are checked in time order; a window qualifies when its count
 * is at least {@code minCount} and greater than {@code minFactor} × the baseline rate (the average count per window
 * length over the baseline before the window, shortened to the history seen so far). Overlapping qualifying windows
 * form one burst, and a burst fires once: a qualifying window fires only when it does not overlap the entity's
 * previous qualifying window. Each window therefore fires at most once, and a story that stays big for hours is one
 * alert, not one per hop. Only windows that end within one window length of the newest event time count (a very late
 * article is counted but raises no alert about the past), and articles older than the retained state are not
 * counted at all.
 *
 * <p>The event-time clock (the newest time, which anchors the live page's trends panel, the late-article cut-off and
 * state expiry) follows articles with their own date only. An undated article is counted at its stand-in time (the
 * ingest or file time), but once a dated article has been seen it does not move the clock: one undated sample in an
 * archive of 2024 news would otherwise jump the clock to today, hide the real trends and expire their counts. A
 * stream of undated articles only (e.g. a feed without dates) still drives the clock by its ingest times.
 */
final class TrendProcessor implements Processor<String, Emitted, String, Emitted> {

    private final TopologyConfig config;
    private final TrendConfig trends;
    private final PipelineMetrics metrics = PipelineMetrics.global();
    private ProcessorContext<String, Emitted> context;
    private KeyValueStore<Bytes, Long> counts;
    private KeyValueStore<String, byte[]> meta;
    private WatchlistView watchlist;
    /** The anchor: {@code datedClock}, or {@code undatedClock} while no dated article has been seen. */
    private long clock = Long.MIN_VALUE;
    private long datedClock = Long.MIN_VALUE;
    private long undatedClock = Long.MIN_VALUE;
    private long first = Long.MAX_VALUE;
    private long lastExpiredHop = Long.MIN_VALUE;

    TrendProcessor(TopologyConfig config) {
        this.config = config;
        this.trends = config.trends();
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        this.counts = context.getStateStore(NewsmonTopology.TREND_COUNTS_STORE);
        this.meta = context.getStateStore(NewsmonTopology.TREND_META_STORE);
        TimestampedKeyValueStore<String, byte[]> store = context.getStateStore(NewsmonTopology.WATCHLIST_STORE);
        this.watchlist = new WatchlistView(store, config.watchlistRefresh());
        Long savedClock = TrendState.readLong(meta, TrendState.CLOCK);
        Long savedFirst = TrendState.readLong(meta, TrendState.FIRST);
        clock = savedClock == null ? Long.MIN_VALUE : savedClock;
        Long savedDated = TrendState.readLong(meta, TrendState.DATED_CLOCK);
        Long savedUndated = TrendState.readLong(meta, TrendState.UNDATED_CLOCK);
        // State written before the two clocks existed: its clock counts as dated.
        datedClock = savedDated != null ? savedDated : savedUndated == null ? clock : Long.MIN_VALUE;
        undatedClock = savedUndated == null ? Long.MIN_VALUE : savedUndated;
        first = savedFirst == null ? Long.MAX_VALUE : savedFirst;
    }

    @Override
    public void process(Record<String, Emitted> record) {
        context.forward(record);
        if (record.value().kind() != Emitted.Kind.ARTICLE) {
            return;
        }
        Article article = (Article) record.value().payload();
        long time = article.publishedAt() == null ? record.timestamp() : article.publishedAt().toEpochMilli();
        for (Alert alert : observe(article, time, ArticleParser.hasOwnDate(article.publishedAtSource()))) {
            alert.matches().forEach(m -> metrics.trend(m.entityId()));
            context.forward(record.withKey(alert.alertId()).withValue(new Emitted(Emitted.Kind.ALERT, alert)));
        }
    }

    private List<Alert> observe(Article article, long time, boolean dated) {
        if (clock != Long.MIN_VALUE && time < clock - trends.baselineMs() - trends.windowMs()) {
            return List.of();
        }
        advanceClock(time, dated);
        long bucket = Math.floorDiv(time, trends.hopMs()) * trends.hopMs();
        Map<String, EntityMention> distinct = new LinkedHashMap<>();
        article.entities().forEach(e -> distinct.putIfAbsent(e.id(), e));
        List<Alert> alerts = new ArrayList<>();
        for (EntityMention e : distinct.values()) {
            Bytes key = TrendState.key(e.id(), bucket);
            Long old = counts.get(key);
            counts.put(key, old == null ? 1L : old + 1);
            remember(e);
            if (trends.allEntities() || watchlist.watchlist().tracks(e.id())) {
                Alert alert = check(article, e, bucket);
                if (alert != null) {
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }

    /**
     * Checks the windows containing {@code bucket}, in time order. Every qualifying window extends the entity's
     * current burst; the first one that does not overlap the previous qualifying window starts a new burst and is
     * returned as an alert. Null when nothing new fires.
     */
    private Alert check(Article article, EntityMention e, long bucket) {
        long window = trends.windowMs();
        long hop = trends.hopMs();
        long earliestStart = bucket - window + hop;
        long historyStart = Math.floorDiv(first, hop) * hop;
        TreeMap<Long, Long> history = TrendState.buckets(counts, e.id(), earliestStart - trends.baselineMs(),
                bucket + hop);
        Long burstEnd = TrendState.readLong(meta, TrendState.BURST + e.id());
        Alert alert = null;
        for (long start = earliestStart; start <= bucket; start += hop) {
            long end = start + window;
            long count = TrendState.sum(history, start, end);
            if (end <= clock - window || count < trends.minCount()) {
                continue;
            }
            long baselineFrom = Math.min(start, Math.max(start - trends.baselineMs(), historyStart));
            long baselineCount = TrendState.sum(history, baselineFrom, start);
            double rate = (double) baselineCount * window / Math.max(start - baselineFrom, window);
            if (count <= trends.minFactor() * rate) {
                continue;
            }
            if (alert == null && (burstEnd == null || start >= burstEnd)) {
                alert = trendAlert(article, e, start, end, count, baselineFrom, rate);
            }
            if (burstEnd == null || end > burstEnd) {
                burstEnd = end;
                meta.put(TrendState.BURST + e.id(), TrendState.encodeLong(end));
            }
        }
        return alert;
    }

    private Alert trendAlert(Article trigger, EntityMention e, long start, long end, long count, long baselineFrom,
            double rate) {
        Double factor = rate > 0 ? Math.round(count / rate * 100) / 100.0 : null;
        AlertTrend trend = new AlertTrend(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), count,
                Instant.ofEpochMilli(baselineFrom), Math.round(rate * 1000) / 1000.0, factor, trends.minFactor(),
                trends.minCount());
        AlertMatch latest = AlertFactory.match(e, trigger.title(), trigger.text());
        AlertMatch match = new AlertMatch(e.id(), e.name(), e.type(), (int) Math.min(count, Integer.MAX_VALUE), false,
                latest.snippet(), latest.highlightStart(), latest.highlightEnd());
        String title = String.format(Locale.ROOT, "%s: %d articles in %s (usually %s)", e.name(), count,
                human(trends.windowMs()), rate == 0 ? "none" : String.format(Locale.ROOT, "%.1f", rate));
        return new Alert(alertId(e.id(), start, end), Alert.KIND_TREND, null, title, trigger.url(),
                trigger.canonicalUrl(), trigger.source(), trigger.lang(), trigger.publishedAt(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()), List.of(match), null, false, trend);
    }

    /** Deterministic: one entity and one window always give the same id. */
    static String alertId(String entityId, long windowStart, long windowEnd) {
        return "al-" + Hashing.sha256Hex("trend\n" + entityId + "\n" + windowStart + "\n" + windowEnd, 20);
    }

    private void remember(EntityMention e) {
        String key = TrendState.NAME + e.id();
        TrendState.EntityName name = new TrendState.EntityName(e.name(), e.type());
        if (!name.equals(TrendState.readName(meta, e.id()))) {
            meta.put(key, Json.writeBytes(name));
        }
    }

    private void advanceClock(long time, boolean dated) {
        if (time < first) {
            first = time;
            meta.put(TrendState.FIRST, TrendState.encodeLong(first));
        }
        if (dated && time > datedClock) {
            datedClock = time;
            meta.put(TrendState.DATED_CLOCK, TrendState.encodeLong(datedClock));
        } else if (!dated && time > undatedClock) {
            undatedClock = time;
            meta.put(TrendState.UNDATED_CLOCK, TrendState.encodeLong(undatedClock));
        }
        long anchor = datedClock != Long.MIN_VALUE ? datedClock : undatedClock;
        if (anchor == clock) {
            return;
        }
        clock = anchor;
        meta.put(TrendState.CLOCK, TrendState.encodeLong(clock));
        long hopIndex = Math.floorDiv(clock, trends.hopMs());
        if (hopIndex != lastExpiredHop) {
            lastExpiredHop = hopIndex;
            long before = clock - trends.retainedMs();
            for (String entity : TrendState.entities(meta)) {
                TrendState.expire(counts, entity, before);
            }
        }
    }

    private static String human(long ms) {
        long minutes = ms / 60_000;
        return minutes % (24 * 60) == 0 ? minutes / (24 * 60) + " d"
                : minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }
}
