package dev.newsmon.bench.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same article with the built-in gazetteer plus 50,000 synthetic entities (two names each), in a JVM limited to
 * a 150 MB heap (the fork fails if the gazetteer does not fit). Setup prints the heap the tagger retains. How cost
 * grows with the gazetteer: {@code -p syntheticEntities=500,5000,50000} (about 1k, 10k and 100k added names).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx150m", "-Xms150m"})
@Threads(1)
public class TaggingLargeGazetteerBenchmark {

    static final int SYNTHETIC_ENTITIES = 50_000;

    @Param({"50000"})
    public int syntheticEntities;

    private String title;
    private String text;
    private EntityTagger tagger;

    @Setup
    public void setUp() {
        String[] article = BenchmarkTexts.article();
        title = article[0];
        text = article[1];
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        Gazetteer gazetteer = SyntheticGazetteer.withBuiltIn(syntheticEntities, 42);
        tagger = new EntityTagger(gazetteer);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        long retained = usedHeapAfterGc() - before;
        List<EntityMention> found = tagger.tag(title, text);
        System.out.printf("%nlarge gazetteer: %d entities, %d keys, built in %d ms, retains %.1f MB (gazetteer + tagger);"
                + " max heap %d MB; %d entities found%n", gazetteer.size(), tagger.keyCount(), buildMillis,
                retained / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024), found.size());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Benchmark
    public List<EntityMention> tagArticle() {
        return tagger.tag(title, text);
    }
}
