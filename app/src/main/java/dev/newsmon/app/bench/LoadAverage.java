package dev.newsmon.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages (1, 5, 15 min) from /proc/loadavg: how much else was running during a measurement. */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** "1.52 1.30 1.10", or "n/a" where /proc is missing. */
    public static String now() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", one);
        }
    }

    /** The 1-minute load average, or -1. */
    public static double oneMinute() {
        String now = now();
        try {
            return Double.parseDouble(now.split(" ")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
