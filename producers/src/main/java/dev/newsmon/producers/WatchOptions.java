package dev.newsmon.producers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * @param interval time between two polls
 * @param stateDir where the watcher remembers what it already sent ({@code watch-<hash of the inputs>.json}), so a
 *                 restarted watcher sends only what is new; hidden folders are never read as input, so a state dir
 *                 like {@code .newsmon/} inside a watched folder is safe
 */
public record WatchOptions(Duration interval, Path stateDir) {

    public WatchOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(stateDir, "stateDir");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the watch interval must be positive");
        }
    }
}
