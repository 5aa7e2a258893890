package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.testing.RandomInputs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TextSketchTest {

    private final Fingerprinter fingerprinter = new Fingerprinter();

    /** A text of distinct made-up words and a copy with a share of its words replaced by other made-up words. */
    record Pair(List<String> original, List<String> copy) {
    }

    static Stream<RandomInputs.Case<Pair>> pairs() {
        return RandomInputs.cases(20_260_101L, 60, r -> {
            int words = 60 + r.nextInt(500);
            double replaced = 0.02 + 0.25 * r.nextDouble();
            List<String> original = new ArrayList<>();
            List<String> copy = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                String w = word(r);
                original.add(w);
                copy.add(r.nextDouble() < replaced ? word(r) : w);
            }
            return new Pair(original, copy);
        });
    }

    private static String word(Random r) {
        return RandomInputs.arabic(r, 0, "") + (char) ('a' + r.nextInt(26)) + Long.toString(r.nextLong() >>> 1, 36);
    }

    /** The Jaccard similarity of the word 3-gram sets, counted from the words themselves (no hashing). */
    private static double trueJaccard(List<String> a, List<String> b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static Set<String> trigrams(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
        }
        return out;
    }

    /** The b-bit estimator's standard error at Jaccard {@code j}: a bin matches with p = c + (1 - c) j. */
    private static double standardError(double j) {
        double chance = 1.0 / (1 << TextSketch.SIGNATURE_BITS);
        double p = chance + (1 - chance) * j;
        return Math.sqrt(p * (1 - p) / TextSketch.SIGNATURE_BINS) / (1 - chance);
    }

    private double estimate(Pair pair) {
        TextSketch a = fingerprinter.sketch(String.join(" ", pair.original()), List.of());
        TextSketch b = fingerprinter.sketch(String.join(" ", pair.copy()), List.of());
        return TextSketch.jaccard(a.signature(), b.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theSignatureEstimatesJaccardWithinFourStandardErrors(RandomInputs.Case<Pair> c) {
        double j = trueJaccard(c.value().original(), c.value().copy());
        assertThat(estimate(c.value())).as("true Jaccard %.3f", j)
                .isBetween(j - 4 * standardError(j) - 0.01, j + 4 * standardError(j) + 0.01);
    }

    /** Over all pairs: no bias, and errors the size the b-bit theory predicts (a broken bin compare shows here). */
    @Test
    void theEstimateIsUnbiasedWithTheExpectedSpread() {
        List<Pair> all = pairs().map(RandomInputs.Case::value).toList();
        double sumError = 0;
        double sumSquared = 0;
        double sumExpected = 0;
        for (Pair pair : all) {
            double j = trueJaccard(pair.original(), pair.copy());
            double e = estimate(pair) - j;
            sumError += e;
            sumSquared += e * e;
            sumExpected += standardError(j) * standardError(j);
        }
        assertThat(Math.abs(sumError / all.size())).as("mean error").isLessThan(0.012);
        assertThat(Math.sqrt(sumSquared / sumExpected)).as("spread relative to theory").isBetween(0.6, 1.5);
    }

    @Test
    void theSameTextIsOneAndUnrelatedTextsAreNearZero() {
        Random r = new Random(3);
        List<String> one = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            one.add(word(r));
            other.add(word(r));
        }
        TextSketch a = fingerprinter.sketch(String.join(" ", one), List.of());
        TextSketch b = fingerprinter.sketch(String.join(" ", other), List.of());
        assertThat(TextSketch.jaccard(a.signature(), a.signature())).isEqualTo(1.0);
        assertThat(TextSketch.jaccard(a.signature(), b.signature())).isLessThan(0.05);
        assertThat(TextSketch.jaccard(a.signature(), new byte[0])).isZero();
    }

    static Stream<RandomInputs.Case<long[]>> shingleHashes() {
        return RandomInputs.cases(77L, 30, r -> r.longs(1 + r.nextInt(600)).toArray());
    }

    /** The band bins are exactly the 128-bin MinHash of the top 7 hash bits, read off the 256 fine bins. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shingleHashes")
    void bandBinsAreTheCoarseMinHash(RandomInputs.Case<long[]> c) {
        long[] fine = new long[TextSketch.SIGNATURE_BINS];
        long[] coarse = new long[TextSketch.BAND_SOURCE_BINS];
        Arrays.fill(fine, Long.MAX_VALUE);
        Arrays.fill(coarse, Long.MAX_VALUE);
        for (long s : c.value()) {
            fine[(int) (s >>> 56)] = Math.min(fine[(int) (s >>> 56)], s & ((1L << 56) - 1));
            coarse[(int) (s >>> 57)] = Math.min(coarse[(int) (s >>> 57)], s & ((1L << 57) - 1));
        }
        assertThat(Fingerprinter.bandBins(fine))
                .isEqualTo(Arrays.copyOf(Fingerprinter.densify(coarse), TextSketch.BAND_BINS));
    }

    @Test
    void aVersionOneSketchReadsAsOneWithoutASignature() {
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        v1.write(1);
        v1.write(42);
        v1.write(3);
        v1.writeBytes(new byte[128 * 2 + 4 * 2]);
        v1.writeBytes(new byte[] {1, 0x12, 0x34});
        TextSketch old = TextSketch.decode(v1.toByteArray());
        assertThat(old.isEmpty()).isTrue();
        assertThat(old.shingles()).isEqualTo(42);
        assertThat(old.features()).containsExactly((short) 0x1234);
        assertThat(TextSketch.decode(old.encode())).isEqualTo(old);
    }
}
