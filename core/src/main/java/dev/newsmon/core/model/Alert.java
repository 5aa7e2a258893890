package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An alert on the {@code alerts} topic: a new article mentions one or more tracked entities.
 *
 * @param alertId  deterministic: a hash of the article id and the matched watchlist entries (article alerts), or of
 *                 the entity and the window (trend alerts)
 * @param kind     {@code "article"} for a new-article alert, {@code "trend"} when an entity is suddenly everywhere
 * @param articleId the alerted article; null for a trend alert
 * @param canonicalUrl the article's URL without tracking parameters and fragments (what URL dedup compares); null
 *                 when the article has no URL
 * @param detectedAt wall-clock time the alert was made. Informative only: it is not part of the alertId, and a
 *                 replay or re-run of the same inputs gives the same alerts with other detection times
 * @param copies   copies of the article known when the alert was made: always 0 for a new-article alert (it is raised
 *                 as the first copy arrives); null for trend and backfill alerts. Later copies are counted on the
 *                 {@code stories} topic, keyed by the original's id (= {@code articleId})
 * @param backfill true when raised by a watchlist backfill over already-processed articles
 * @param trend    the window, count and baseline of a trend alert; null for an article alert
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Alert(
        String alertId,
        String kind,
        String articleId,
        String title,
        String url,
        String canonicalUrl,
        String source,
        String lang,
        Instant publishedAt,
        Instant detectedAt,
        List<AlertMatch> matches,
        Integer copies,
        boolean backfill,
        AlertTrend trend) {

    public static final String KIND_ARTICLE = "article";
    public static final String KIND_TREND = "trend";

    public Alert {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}
