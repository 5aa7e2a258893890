package dev.newsmon.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's memory: heap used (sampled, and after a full GC), and resident set size from
 * {@code /proc/self/status} (Linux; -1 elsewhere).
 */
public final class ProcessMemory implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakRss = new AtomicLong(-1);
    private volatile boolean stopping;
    private final Thread sampler;

    private ProcessMemory(long everyMs) {
        sampler = new Thread(() -> {
            while (!stopping) {
                sample();
                try {
                    Thread.sleep(everyMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "newsmon-bench-memory");
        sampler.setDaemon(true);
    }

    /** Samples heap used and RSS every {@code everyMs} until closed; {@link #resetPeaks()} starts a new window. */
    public static ProcessMemory sampleEvery(long everyMs) {
        ProcessMemory m = new ProcessMemory(everyMs);
        m.sampler.start();
        return m;
    }

    private void sample() {
        peakHeap.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        peakRss.accumulateAndGet(rssBytes(), Math::max);
    }

    public void resetPeaks() {
        peakHeap.set(0);
        peakRss.set(-1);
        sample();
    }

    public long peakHeapBytes() {
        return peakHeap.get();
    }

    public long peakRssBytes() {
        return peakRss.get();
    }

    public static long maxHeapBytes() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }

    /** Heap used after full collections: what the live objects take. */
    public static long heapAfterGcBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** VmRSS of this process, or -1 when /proc is not there. */
    public static long rssBytes() {
        return procStatus("VmRSS:");
    }

    /** VmHWM (peak RSS since start) of this process, or -1. */
    public static long rssHighWaterBytes() {
        return procStatus("VmHWM:");
    }

    private static long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).strip().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        stopping = true;
        sampler.interrupt();
    }
}
