package dev.newsmon.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this process and by another one (the bench's broker): a cost per record that stays meaningful
 * when other work shares the machine, unlike records per second.
 */
public final class CpuTime {

    /** Linux's USER_HZ: the unit of utime/stime in /proc/PID/stat on every common platform. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** CPU time of this JVM in nanoseconds (all threads, user + system), or -1. */
    public static long thisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU nanoseconds of each live thread of this JVM whose name contains {@code part}, by thread name. */
    public static java.util.Map<String, Long> threads(String part) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains(part)) {
                long ns = mx.getThreadCpuTime(t.getId());
                if (ns >= 0) {
                    out.merge(t.getName(), ns, Long::sum);
                }
            }
        }
        return out;
    }

    /**
     * CPU nanoseconds of this process's threads as the OS names them (/proc/self/task; Linux), grouped: garbage
     * collection, JIT compilation, RocksDB background work, and the rest. Empty where /proc is missing.
     */
    public static java.util.Map<String, Long> osThreads() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1_000_000_000L / TICKS_PER_SECOND;
                    out.merge(osGroup(comm), ns, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while we looked
                }
            }
        } catch (IOException e) {
            return java.util.Map.of();
        }
        return out;
    }

    private static String osGroup(String comm) {
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
            return "garbage collection (GC and VM threads)";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT compilation";
        }
        if (comm.startsWith("rocksdb")) {
            return "RocksDB background (flush, compaction)";
        }
        return "other";
    }

    /** Lines for the JVM-internal and native groups of {@link #osThreads} between two snapshots. */
    public static java.util.List<String> describeOs(java.util.Map<String, Long> before,
            java.util.Map<String, Long> after, long records, long wallNanos) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String group : java.util.List.of("garbage collection (GC and VM threads)", "JIT compilation",
                "RocksDB background (flush, compaction)")) {
            long ns = after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L);
            if (ns > 0) {
                lines.add(String.format(java.util.Locale.ROOT, "  of which %s: %.0f us CPU per record (%.0f%% of a "
                        + "core)", group, ns / 1e3 / records, 100.0 * ns / wallNanos));
            }
        }
        return lines;
    }

    /**
     * Lines "THREADS: N us CPU per record (P % of the run)" for the busiest groups of Java threads between two
     * {@link #threads} snapshots (thread names with digits folded: StreamThread-1 and -2 stay apart, GC or compiler
     * threads are not Java threads and end up in "JVM and native threads" with RocksDB's background work).
     */
    public static java.util.List<String> describe(java.util.Map<String, Long> before, java.util.Map<String, Long> after,
            long processNanos, long records, long wallNanos) {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        long javaThreads = 0;
        for (var e : after.entrySet()) {
            long ns = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (ns <= 0) {
                continue;
            }
            javaThreads += ns;
            groups.merge(group(e.getKey()), ns, Long::sum);
        }
        if (processNanos > javaThreads) {
            groups.put("JVM and native threads (GC, JIT, RocksDB background)", processNanos - javaThreads);
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        groups.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * 100 >= wallNanos)
                .forEach(e -> lines.add(String.format(java.util.Locale.ROOT, "%s: %.0f us CPU per record (%.0f%% of a"
                        + " core)", e.getKey(), e.getValue() / 1e3 / records, 100.0 * e.getValue() / wallNanos)));
        return lines;
    }

    private static String group(String threadName) {
        int st = threadName.indexOf("StreamThread-");
        if (st >= 0) {
            return threadName.substring(st);
        }
        return threadName.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "*").replaceAll("\\d+", "N");
    }

    /** CPU time of process {@code pid} in nanoseconds, from /proc (Linux), or -1. */
    public static long ofProcess(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // fields after the command name (which may contain spaces) start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
