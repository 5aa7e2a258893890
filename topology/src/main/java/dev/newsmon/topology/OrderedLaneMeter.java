package dev.newsmon.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread CPU time spent in the ordered lane: from the moment the single sequenced task's first processor receives a
 * record until everything it forwarded (sequence, dedup, stories, alert, trend, the JSON of the outputs, the sends
 * to the producer's buffer) has returned. Not included: fetching and decoding the record from the repartition
 * topic, commits and the producer's network thread. Read by {@code newsmon bench}; process-wide.
 */
public final class OrderedLaneMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();
    private static final LongAdder NANOS = new LongAdder();
    private static final LongAdder RECORDS = new LongAdder();

    private OrderedLaneMeter() {
    }

    static long start() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0L;
    }

    static void stop(long started) {
        if (SUPPORTED) {
            NANOS.add(THREADS.getCurrentThreadCpuTime() - started);
            RECORDS.increment();
        }
    }

    /** CPU nanoseconds spent in the ordered lane so far (0 where thread CPU time is not supported). */
    public static long cpuNanos() {
        return NANOS.sum();
    }

    /** Records the ordered lane has received so far. */
    public static long records() {
        return RECORDS.sum();
    }
}
