package dev.newsmon.bench.dedup;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.TextSketch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/** Fingerprint (MinHash sketch + salient features) and content hash of a ~6 KB Arabic article. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FingerprintBenchmark {

    private final Fingerprinter fingerprinter = new Fingerprinter();
    private String text;

    @Setup
    public void setUp() {
        text = SampleArticles.article(new Random(7), 6 * 1024);
        if (Math.abs(text.getBytes(StandardCharsets.UTF_8).length - 6 * 1024) > 512) {
            throw new IllegalStateException("sample is not ~6 KB");
        }
    }

    @Benchmark
    public TextSketch sketch() {
        return fingerprinter.sketch(text, List.of());
    }

    @Benchmark
    public String contentHash() {
        return ContentHash.of(text);
    }
}
