package dev.newsmon.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * newsmon's own counters (Prometheus names in brackets): records in [newsmon_records_in_total], unique articles
 * [newsmon_articles_total], duplicates by method [newsmon_duplicates_total{method}], alerts by entity
 * [newsmon_alerts_total{entity}], trend alerts by entity [newsmon_trend_alerts_total{entity}], rejections by code [newsmon_rejected_total{code}], and end-to-end lag from
 * publication and from ingestion to output [newsmon_lag_published_seconds, newsmon_lag_ingested_seconds].
 * Counted when a record is processed: a transaction that aborts and is retried counts twice.
 */
final class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter recordsIn;
    private final Counter articles;
    private final ConcurrentMap<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> alerts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> trends = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Timer lagPublished;
    private final Timer lagIngested;

    private PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.recordsIn = Counter.builder("newsmon.records.in").description("Raw records read").register(registry);
        this.articles = Counter.builder("newsmon.articles").description("Unique articles published").register(registry);
        this.lagPublished = Timer.builder("newsmon.lag.published")
                .description("Time from publication (publishedAt) to output").publishPercentiles(0.5, 0.99)
                .register(registry);
        this.lagIngested = Timer.builder("newsmon.lag.ingested")
                .description("Time from ingestion (producer send) to output").publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private static final PipelineMetrics GLOBAL = new PipelineMetrics(Metrics.globalRegistry);

    static PipelineMetrics global() {
        return GLOBAL;
    }

    void recordIn() {
        recordsIn.increment();
    }

    void article(long publishedAtMs, long ingestedAtMs) {
        articles.increment();
        lag(publishedAtMs, ingestedAtMs);
    }

    void duplicate(String method, long publishedAtMs, long ingestedAtMs) {
        duplicates.computeIfAbsent(method, m -> Counter.builder("newsmon.duplicates").tag("method", m)
                .description("Duplicates by detection method").register(registry)).increment();
        lag(publishedAtMs, ingestedAtMs);
    }

    void alert(String entityId) {
        alerts.computeIfAbsent(entityId, e -> Counter.builder("newsmon.alerts").tag("entity", e)
                .description("Alerts by tracked entity").register(registry)).increment();
    }

    void trend(String entityId) {
        trends.computeIfAbsent(entityId, e -> Counter.builder("newsmon.trend.alerts").tag("entity", e)
                .description("Trend alerts by entity").register(registry)).increment();
    }

    void rejected(String code) {
        String c = code == null ? "unknown" : code;
        rejected.computeIfAbsent(c, k -> Counter.builder("newsmon.rejected").tag("code", k)
                .description("Rejected inputs by reason code").register(registry)).increment();
    }

    private void lag(long publishedAtMs, long ingestedAtMs) {
        long now = System.currentTimeMillis();
        if (publishedAtMs > 0 && now >= publishedAtMs) {
            lagPublished.record(Duration.ofMillis(now - publishedAtMs));
        }
        if (ingestedAtMs > 0 && now >= ingestedAtMs) {
            lagIngested.record(Duration.ofMillis(now - ingestedAtMs));
        }
    }
}
