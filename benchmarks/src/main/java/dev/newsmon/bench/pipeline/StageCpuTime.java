package dev.newsmon.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@link StageBenchmark}'s operations timed in thread CPU time, best of several rounds: numbers a shared, busy
 * machine disturbs much less than JMH's wall time. Run from the repository root: {@code java -cp
 * benchmarks/target/newsmon-benchmarks.jar dev.newsmon.bench.pipeline.StageCpuTime [articleKb] [rounds]}.
 */
public final class StageCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int kb = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        StageBenchmark b = new StageBenchmark();
        b.articleKb = kb;
        b.setUp();
        List<Method> ops = new ArrayList<>();
        for (Method m : StageBenchmark.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                ops.add(m);
            }
        }
        ops.sort(java.util.Comparator.comparing(Method::getName));
        System.out.printf(Locale.ROOT, "thread CPU time per article (%d KB), best of %d rounds:%n", kb, rounds);
        for (Method m : ops) {
            System.out.printf(Locale.ROOT, "  %-22s %9.1f us%n", m.getName(), best(b, m, rounds));
        }
    }

    private static double best(StageBenchmark b, Method op, int rounds) throws Exception {
        int perRound = StageBenchmark.POOL * 2;
        double best = Double.MAX_VALUE;
        int sink = 0;
        for (int r = 0; r < rounds + 3; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += System.identityHashCode(op.invoke(b)) & 1;
            }
            double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
            if (r >= 3) {
                best = Math.min(best, micros);
            }
        }
        if (sink == -1) {
            System.out.print("");
        }
        return best;
    }
}
