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
 */
public record TopologyConfig(Topics topics, Duration dedupHorizon, Duration sequencerGapTimeout, int maxArticleBytes,
        Duration watchlistRefresh) {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

    public static TopologyConfig defaults(Topics topics) {
        return new TopologyConfig(topics, DEFAULT_HORIZON, Duration.ofSeconds(30), ArticleParser.DEFAULT_MAX_BYTES,
                Duration.ofMillis(500));
    }

    public TopologyConfig withDedupHorizon(Duration horizon) {
        return new TopologyConfig(topics, horizon, sequencerGapTimeout, maxArticleBytes, watchlistRefresh);
    }

    public TopologyConfig withSequencerGapTimeout(Duration timeout) {
        return new TopologyConfig(topics, dedupHorizon, timeout, maxArticleBytes, watchlistRefresh);
    }
}
