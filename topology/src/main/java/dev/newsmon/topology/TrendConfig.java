package dev.newsmon.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Trend ("suddenly everywhere") alerts: the unique articles mentioning an entity are counted per {@code hop} of
 * event time; a window of length {@code window} (advancing by {@code hop}) fires a {@code trend} alert when its count
 * is at least {@code minCount} and more than {@code minFactor} × the entity's average count per window length over
 * the {@code baseline} before it.
 *
 * @param enabled     off: no trend processor and no trend stores in the topology (scan's default)
 * @param allEntities true: alert on any tagged entity; false: only on tracked (watchlist) entities. Counting is
 *                    always for all entities, so the top-entities view shows what is untracked too.
 */
public record TrendConfig(boolean enabled, Duration window, Duration hop, Duration baseline, double minFactor,
        long minCount, boolean allEntities) {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    public static final Duration DEFAULT_HOP = Duration.ofMinutes(15);
    public static final Duration DEFAULT_BASELINE = Duration.ofDays(7);
    public static final double DEFAULT_MIN_FACTOR = 3.0;
    public static final long DEFAULT_MIN_COUNT = 5;

    public static final TrendConfig DEFAULTS = new TrendConfig(true, DEFAULT_WINDOW, DEFAULT_HOP, DEFAULT_BASELINE,
            DEFAULT_MIN_FACTOR, DEFAULT_MIN_COUNT, false);
    public static final TrendConfig OFF = DEFAULTS.withEnabled(false);

    public TrendConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(hop, "hop");
        Objects.requireNonNull(baseline, "baseline");
        if (hop.toMillis() <= 0 || window.toMillis() < hop.toMillis() || window.toMillis() % hop.toMillis() != 0) {
            throw new IllegalArgumentException("trend window (" + window + ") must be a positive multiple of the hop ("
                    + hop + ")");
        }
        if (baseline.toMillis() < window.toMillis() || baseline.toMillis() % hop.toMillis() != 0) {
            throw new IllegalArgumentException("trend baseline (" + baseline + ") must be at least one window ("
                    + window + ") and a multiple of the hop (" + hop + ")");
        }
        if (!(minFactor >= 1.0) || Double.isInfinite(minFactor)) {
            throw new IllegalArgumentException("trend factor must be a number ≥ 1, not " + minFactor);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("trend minimum count must be at least 1, not " + minCount);
        }
    }

    public TrendConfig withEnabled(boolean on) {
        return new TrendConfig(on, window, hop, baseline, minFactor, minCount, allEntities);
    }

    long windowMs() {
        return window.toMillis();
    }

    long hopMs() {
        return hop.toMillis();
    }

    long baselineMs() {
        return baseline.toMillis();
    }

    /** Event time the state must cover behind "now": baseline plus the window plus one window of lateness. */
    long retainedMs() {
        return baselineMs() + 2 * windowMs();
    }
}
