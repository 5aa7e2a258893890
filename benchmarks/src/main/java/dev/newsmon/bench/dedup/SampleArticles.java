package dev.newsmon.bench.dedup;

import java.util.Random;

/** Deterministic article-like Arabic text for the benchmarks: Zipf-distributed words, numbers, paragraphs. */
final class SampleArticles {

    private static final String LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    private SampleArticles() {
    }

    /** About {@code bytes} UTF-8 bytes of text. */
    static String article(Random rnd, int bytes) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        while (b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes) {
            // Zipf-like over 50,000 content words; the function-word head is left out, as shingling skips it.
            int rank = 200 + (int) Math.floor(Math.pow(50_000, rnd.nextDouble()));
            b.append(words > 0 && words % 40 == 0 ? "،\n\n" : " ").append(word(rank));
            if (rnd.nextInt(30) == 0) {
                b.append(' ').append(rnd.nextInt(10_000));
            }
            words++;
        }
        return b.toString().strip();
    }

    private static String word(int rank) {
        StringBuilder w = new StringBuilder("ال");
        int r = rank * 7 + 3;
        do {
            w.append(LETTERS.charAt(r % LETTERS.length()));
            r /= LETTERS.length();
        } while (r > 0);
        return w.append(LETTERS.charAt(rank % 13)).toString();
    }
}
