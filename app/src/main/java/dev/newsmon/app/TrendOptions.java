package dev.newsmon.app;

import dev.newsmon.topology.TrendConfig;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Trend alert settings (run, demo, scan --trends). */
final class TrendOptions {

    @Option(names = "--trend-window", defaultValue = "${env:NEWSMON_TREND_WINDOW:-1h}", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "Trend window length (event time). Default: 1h.")
    Duration trendWindow;

    @Option(names = "--trend-hop", defaultValue = "${env:NEWSMON_TREND_HOP:-15m}", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How far windows advance; the window and baseline must be multiples of it. Default: 15m.")
    Duration trendHop;

    @Option(names = "--trend-baseline", defaultValue = "${env:NEWSMON_TREND_BASELINE:-7d}", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "History a window is compared with (also how far back entity trends go). Default: 7d.")
    Duration trendBaseline;

    @Option(names = "--trend-factor", defaultValue = "${env:NEWSMON_TREND_FACTOR:-3}", paramLabel = "K",
            description = "A window fires when its count exceeds K x the baseline rate. Default: ${DEFAULT-VALUE}.")
    double trendFactor;

    @Option(names = "--trend-min-count", defaultValue = "${env:NEWSMON_TREND_MIN_COUNT:-5}", paramLabel = "N",
            description = "...and has at least N unique articles. Default: ${DEFAULT-VALUE}.")
    long trendMinCount;

    @Option(names = "--trend-entities", defaultValue = "${env:NEWSMON_TREND_ENTITIES:-tracked}",
            paramLabel = "tracked|all", description = "Trend alerts for tracked entities only, or for every tagged "
                    + "entity. Default: ${DEFAULT-VALUE}.")
    String trendEntities;

    /** The trend settings, checked: a bad combination is a usage error (exit 2). */
    TrendConfig config(boolean trends) {
        String scope = trendEntities == null ? "tracked" : trendEntities.strip().toLowerCase(Locale.ROOT);
        if (!scope.equals("tracked") && !scope.equals("all")) {
            throw new ExitCodes.UsageException("--trend-entities must be tracked or all, not \"" + trendEntities + "\"");
        }
        try {
            return new TrendConfig(trends, trendWindow, trendHop, trendBaseline, trendFactor, trendMinCount,
                    scope.equals("all"));
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        }
    }
}
