package dev.newsmon.producers;

import dev.newsmon.core.ingest.ArticleParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How inputs are read.
 *
 * @param maxBytes       limit for one article unit; larger units become error units carrying a prefix
 * @param maxFeedBytes   limit for one feed document (file or HTTP body)
 * @param connectTimeout HTTP connect timeout for feed URLs
 * @param fetchTimeout   limit for a whole feed download (headers and body)
 * @param userAgent      HTTP User-Agent sent to feed servers
 * @param clock          source of the ingest time (fallback for feed items without a date)
 */
public record ReaderOptions(int maxBytes, long maxFeedBytes, Duration connectTimeout, Duration fetchTimeout,
        String userAgent, Clock clock) {

    public static final long DEFAULT_MAX_FEED_BYTES = 32L * 1024 * 1024;
    public static final String DEFAULT_USER_AGENT =
            "newsmon/0.1 (news monitor; +https://github.com/newsmon/newsmon)";

    public ReaderOptions {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("the article size limit must be at least 1024 bytes, not " + maxBytes);
        }
        if (maxFeedBytes < 1024) {
            throw new IllegalArgumentException("the feed size limit must be at least 1024 bytes, not " + maxFeedBytes);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
    }

    public static ReaderOptions defaults() {
        return new ReaderOptions(ArticleParser.DEFAULT_MAX_BYTES, DEFAULT_MAX_FEED_BYTES, Duration.ofSeconds(10),
                Duration.ofSeconds(60), DEFAULT_USER_AGENT, Clock.systemUTC());
    }

    public ReaderOptions withMaxBytes(int bytes) {
        return new ReaderOptions(bytes, maxFeedBytes, connectTimeout, fetchTimeout, userAgent, clock);
    }

    public ReaderOptions withMaxFeedBytes(long bytes) {
        return new ReaderOptions(maxBytes, bytes, connectTimeout, fetchTimeout, userAgent, clock);
    }

    public ReaderOptions withTimeouts(Duration connect, Duration fetch) {
        return new ReaderOptions(maxBytes, maxFeedBytes, connect, fetch, userAgent, clock);
    }

    public ReaderOptions withUserAgent(String agent) {
        return new ReaderOptions(maxBytes, maxFeedBytes, connectTimeout, fetchTimeout, agent, clock);
    }

    public ReaderOptions withClock(Clock c) {
        return new ReaderOptions(maxBytes, maxFeedBytes, connectTimeout, fetchTimeout, userAgent, c);
    }
}
