package dev.newsmon.app.bench;

import java.util.Arrays;

/** Latency samples in milliseconds, with the percentiles a report needs (nearest rank). */
public record Latencies(long[] sortedMs, int missing) {

    public static Latencies of(long[] ms, int missing) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted, missing);
    }

    public int count() {
        return sortedMs.length;
    }

    /** The {@code p}-th percentile (0 < p <= 100), or -1 without samples. */
    public long percentile(double p) {
        if (sortedMs.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMs.length);
        return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
    }

    public long max() {
        return sortedMs.length == 0 ? -1 : sortedMs[sortedMs.length - 1];
    }
}
