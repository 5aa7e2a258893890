package dev.newsmon.bench.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.tagging.EntityTagger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lucene MemoryIndex + stored phrase queries baseline ({@link LucenePercolator}) on the same article and
 * names as {@link TaggingBenchmark#tagArticle}. Setup checks equal recall: every entity the tagger reports must
 * be among the baseline's matches, or the run stops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LuceneBaselineBenchmark {

    private String title;
    private String text;
    private LucenePercolator percolator;

    @Setup
    public void setUp() {
        String[] article = BenchmarkTexts.article();
        title = article[0];
        text = article[1];
        EntityTagger tagger = EntityTagger.builtIn();
        percolator = new LucenePercolator(tagger.nameKeys());
        Set<String> tagged = tagger.tag(title, text).stream().map(EntityMention::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> percolated = new TreeSet<>(percolator.percolate(title, text));
        Set<String> missed = new TreeSet<>(tagged);
        missed.removeAll(percolated);
        Set<String> extra = new TreeSet<>(percolated);
        extra.removeAll(tagged);
        System.out.printf("%nLucene baseline: %d stored queries; tagger %d entities, baseline %d entities, "
                + "missed by baseline %s, baseline only %s%n", percolator.queryCount(), tagged.size(), percolated.size(),
                missed, extra);
        if (!missed.isEmpty()) {
            throw new IllegalStateException("baseline recall is below the tagger's: " + missed);
        }
    }

    @Benchmark
    public Set<String> percolateArticle() {
        return percolator.percolate(title, text);
    }

}
