package dev.newsmon.bench.tagging;

import dev.newsmon.core.tagging.EntityTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * A companion to the JMH benchmarks for a shared machine: the same operations, timed in thread CPU time and
 * reported as the best of several rounds, which other processes competing for the cores disturb much less
 * than wall-clock time. Run: {@code java -cp benchmarks/target/newsmon-benchmarks.jar
 * dev.newsmon.bench.tagging.TaggingCpuTime [rounds]}.
 */
public final class TaggingCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaggingCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String[] article = BenchmarkTexts.article();
        String title = article[0];
        String text = article[1];
        EntityTagger builtIn = EntityTagger.builtIn();
        EntityTagger large = new EntityTagger(
                SyntheticGazetteer.withBuiltIn(TaggingLargeGazetteerBenchmark.SYNTHETIC_ENTITIES, 42));
        LucenePercolator lucene = new LucenePercolator(builtIn.nameKeys());
        double tag = best(rounds, 4000, () -> builtIn.tag(title, text).size());
        double tagLarge = best(rounds, 4000, () -> large.tag(title, text).size());
        double percolate = best(rounds, 200, () -> lucene.percolate(title, text).size());
        System.out.printf(Locale.ROOT, "thread CPU time per article, best of %d rounds:%n", rounds);
        System.out.printf(Locale.ROOT, "  tag, built-in gazetteer (%d keys)   %8.1f us%n", builtIn.keyCount(), tag);
        System.out.printf(Locale.ROOT, "  tag, + 50k synthetic (%d keys)  %8.1f us%n", large.keyCount(), tagLarge);
        System.out.printf(Locale.ROOT, "  Lucene MemoryIndex percolator       %8.1f us  (%.1fx the tagger)%n", percolate,
                percolate / tag);
    }

    private static double best(int rounds, int perRound, IntSupplier op) {
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 3; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink += op.getAsInt();
            }
            double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / perRound;
            if (r >= 3) {
                best = Math.min(best, micros);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }
}
