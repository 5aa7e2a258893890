package dev.newsmon.bench.dedup;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.InMemoryDedupState;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup engine's read path (id, URL, content and LSH lookups plus verification) against a state holding
 * {@code articles} unique articles, in SampleTime mode for percentiles. Queries are fresh articles (the common
 * case: nothing found) and near copies of stored ones. In-memory state: RocksDB adds its own read latency.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class LshLookupBenchmark {

    private static final int QUERIES = 512;

    @Param({"100000"})
    public int articles;

    private final DedupEngine engine = new DedupEngine();
    private InMemoryDedupState state;
    private DedupCandidate[] fresh;
    private DedupCandidate[] copies;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        Fingerprinter f = new Fingerprinter();
        state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        Random rnd = new Random(11);
        copies = new DedupCandidate[QUERIES];
        for (int i = 0; i < articles; i++) {
            String text = SampleArticles.article(rnd, 3 * 1024);
            String id = String.format(Locale.ROOT, "u-%016x", rnd.nextLong());
            engine.decide(f.candidate(id, "site.example/" + id, ContentHash.of(text), text, List.of(), i), state);
            if (i < QUERIES) {
                String copy = text.substring(0, text.lastIndexOf(' ', text.length() * 2 / 3)) + " كلمة مضافة";
                copies[i] = f.candidate("copy-" + i, null, ContentHash.of(copy), copy, List.of(), articles + i);
            }
        }
        fresh = new DedupCandidate[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            String text = SampleArticles.article(rnd, 3 * 1024);
            fresh[i] = f.candidate("fresh-" + i, null, ContentHash.of(text), text, List.of(), articles + i);
        }
    }

    @Benchmark
    public DedupDecision lookupUnique() {
        return engine.find(fresh[next++ & (QUERIES - 1)], state);
    }

    @Benchmark
    public DedupDecision lookupNearCopy() {
        DedupDecision d = engine.find(copies[next++ & (QUERIES - 1)], state);
        if (!d.duplicate()) {
            throw new IllegalStateException("a near copy was not found");
        }
        return d;
    }
}
