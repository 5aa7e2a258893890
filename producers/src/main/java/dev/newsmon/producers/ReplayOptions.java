package dev.newsmon.producers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * @param speed    {@link ReplaySpeed#MAX} or a factor of event time
 * @param maxWait  cap on any single wait between two records, in real time (default 5 s)
 * @param spillDir where payloads that cannot be re-read from their file (feed items, error units) are kept while
 *                 the replay is sorted; a temporary file there is deleted at the end
 */
public record ReplayOptions(ReplaySpeed speed, Duration maxWait, Path spillDir) {

    public ReplayOptions {
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(spillDir, "spillDir");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }

    public static ReplayOptions of(ReplaySpeed speed) {
        return new ReplayOptions(speed, ReplaySpeed.DEFAULT_MAX_WAIT, Path.of(System.getProperty("java.io.tmpdir")));
    }
}
