package dev.newsmon.bench.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.text.NormalizedText;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Tagging the ~6 KB Arabic benchmark article (title + text) with the built-in gazetteer, on one thread.
 * Also: normalization alone, and building a tagger for a watchlist (what the topology does when the watchlist
 * changes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggingBenchmark {

    private String title;
    private String text;
    private EntityTagger tagger;
    private Gazetteer builtIn;

    @Setup
    public void setUp() {
        String[] article = BenchmarkTexts.article();
        title = article[0];
        text = article[1];
        builtIn = Gazetteer.builtIn();
        tagger = EntityTagger.builtIn();
        List<EntityMention> found = tagger.tag(title, text);
        System.out.printf("%nbuilt-in gazetteer: %d entities, %d keys; article %d chars; %d entities, %d mentions%n",
                builtIn.size(), tagger.keyCount(), title.length() + text.length(), found.size(),
                found.stream().mapToInt(EntityMention::mentions).sum());
    }

    @Benchmark
    public List<EntityMention> tagArticle() {
        return tagger.tag(title, text);
    }

    @Benchmark
    public NormalizedText normalizeArticle() {
        return TextNormalizer.normalize(text);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EntityTagger buildTaggerForWatchlist() {
        return new EntityTagger(builtIn.withWatchlistNames(List.of(
                new WatchlistEntry("custom-entity", null, List.of("الاسم بالعربية", "English name")))));
    }
}
