package dev.newsmon.bench.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The ~6 KB Arabic news article the tagging benchmarks run on (written for this project). */
final class BenchmarkTexts {

    private BenchmarkTexts() {
    }

    /** [title, text] of the benchmark article: the first line is the title. */
    static String[] article() {
        try (InputStream in = BenchmarkTexts.class.getResourceAsStream("article-ar.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing article-ar.txt");
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int cut = all.indexOf('\n');
            return new String[] {all.substring(0, cut).strip(), all.substring(cut + 1)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
