package dev.newsmon.bench.pipeline;

import dev.newsmon.producers.synthetic.SyntheticArchive;
import java.nio.file.Files;
import java.nio.file.Path;

/** The synthetic archive of {@code newsmon bench}, learned from samples/archive (run the benchmarks from the repo root). */
final class BenchArchive {

    private BenchArchive() {
    }

    static SyntheticArchive create(SyntheticArchive.Options options) {
        Path samples = Path.of(System.getProperty("newsmon.samples", "samples/archive"));
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("samples not found at " + samples.toAbsolutePath()
                    + ": run from the repository root or set -Dnewsmon.samples=DIR");
        }
        return SyntheticArchive.fromSamples(samples, options);
    }
}
