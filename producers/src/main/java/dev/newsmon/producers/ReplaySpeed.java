package dev.newsmon.producers;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a replay runs: {@code max} (no waiting) or a factor of event time ({@code 1x} real time, {@code 10x}
 * ten times faster, {@code 0.5x} half speed). Waits between records are the event-time gaps divided by the factor,
 * each capped at a maximum so archives with long quiet periods do not stall.
 *
 * @param factor event-time seconds per real second; {@code Double.POSITIVE_INFINITY} for {@code max}
 */
public record ReplaySpeed(double factor) {

    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);
    /** The default cap on a single wait between two records, in real time. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private static final Pattern FACTOR = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*[xX]?");

    public ReplaySpeed {
        if (!(factor > 0) || Double.isNaN(factor)) {
            throw new IllegalArgumentException("the replay speed must be greater than 0");
        }
    }

    /**
     * Parses {@code max}, {@code Nx} or {@code N} (N a positive decimal, e.g. {@code 1x}, {@code 10x}, {@code 0.5x}).
     *
     * @throws IllegalArgumentException with a message for the user when the text is not a speed
     */
    public static ReplaySpeed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the replay speed is empty: use max or a factor like 1x, 10x, 0.5x");
        }
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).equals("max")) {
            return MAX;
        }
        Matcher m = FACTOR.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a replay speed: use max or a factor like 1x,"
                    + " 10x, 0.5x");
        }
        double f = Double.parseDouble(m.group(1));
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a replay speed: the factor must be greater"
                    + " than 0");
        }
        return new ReplaySpeed(f);
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /** The real-time wait for an event-time gap, capped at {@code maxWait}; zero for {@code max} and negative gaps. */
    public Duration waitFor(Duration eventGap, Duration maxWait) {
        if (isMax() || eventGap.isNegative() || eventGap.isZero()) {
            return Duration.ZERO;
        }
        double nanos = eventGap.toNanos() / factor;
        if (Double.isInfinite(nanos) || nanos >= maxWait.toNanos()) {
            return maxWait;
        }
        return Duration.ofNanos((long) nanos);
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        return (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "x";
    }
}
