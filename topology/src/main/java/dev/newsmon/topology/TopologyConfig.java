package dev.newsmon.topology;

import dev.newsmon.core.ingest.ArticleParser;
import java.time.Duration;

/**
 * Everything the topology needs to know, injected (no hard-coded topics).
 *
 * @param dedupHorizon        how long (event time) an article is remembered for duplicate detection
 * @param sequencerGapTimeout how long the sequencer waits for a missing sequence number before skipping it
 * @param maxArticleBytes     raw size limit of one article
 * @param watchlistRefresh    how often the processors re-read the watchlist store
 * @param trends              trend alerts (off by default: {@code scan} must write one alert per new article)
 */
public record TopologyConfig(Topics topics, Duration dedupHorizon, Duration sequencerGapTimeout, int maxArticleBytes,
        Duration watchlistRefresh, TrendConfig trends) {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

    public TopologyConfig {
        trends = trends == null ? TrendConfig.OFF : trends;
    }

    public static TopologyConfig defaults(Topics topics) {
        return new TopologyConfig(topics, DEFAULT_HORIZON, Duration.ofSeconds(30), ArticleParser.DEFAULT_MAX_BYTES,
                Duration.ofMillis(500), TrendConfig.OFF);
    }

    public TopologyConfig withDedupHorizon(Duration horizon) {
        return new TopologyConfig(topics, horizon, sequencerGapTimeout, maxArticleBytes, watchlistRefresh, trends);
    }

    public TopologyConfig withSequencerGapTimeout(Duration timeout) {
        return new TopologyConfig(topics, dedupHorizon, timeout, maxArticleBytes, watchlistRefresh, trends);
    }

    public TopologyConfig withTrends(TrendConfig trendConfig) {
        return new TopologyConfig(topics, dedupHorizon, sequencerGapTimeout, maxArticleBytes, watchlistRefresh,
                trendConfig);
    }

    public TopologyConfig withMaxArticleBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("the article size limit must be at least 1024 bytes, not " + bytes);
        }
        return new TopologyConfig(topics, dedupHorizon, sequencerGapTimeout, bytes, watchlistRefresh, trends);
    }

    public TopologyConfig withWatchlistRefresh(Duration refresh) {
        return new TopologyConfig(topics, dedupHorizon, sequencerGapTimeout, maxArticleBytes, refresh, trends);
    }
}
