package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What made a trend alert fire: in the window [{@code windowStart}, {@code windowEnd}) (event time) {@code count}
 * unique articles mentioned the entity, against {@code baselineRate} articles per window length on average over the
 * baseline before the window.
 *
 * @param baselineFrom start of the baseline actually used (later than windowStart − baseline length while the
 *                     monitor has seen less history than that)
 * @param factor       count ÷ baselineRate; null when the baseline is zero (the entity was not mentioned before)
 * @param minFactor    the configured threshold k
 * @param minCount     the configured minimum count
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertTrend(
        Instant windowStart,
        Instant windowEnd,
        long count,
        Instant baselineFrom,
        double baselineRate,
        Double factor,
        double minFactor,
        long minCount) {
}
