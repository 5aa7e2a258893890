package dev.newsmon.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.testing.RandomInputs;
import dev.newsmon.testing.RandomInputs.Case;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Normalization never throws, is idempotent, and its offset map stays inside the original. */
class NormalizationPropertiesTest {

    private static final String EXTRA = " \n\u00A0-.«»éß\u200B\u200F\u202B\u2067\uFEFF";

    static Stream<Case<String>> anyUnicode() {
        return RandomInputs.cases(21, 2000, r -> RandomInputs.unicode(r, 200));
    }

    static Stream<Case<String>> arabicAndLatin() {
        return RandomInputs.cases(22, 2000, NormalizationPropertiesTest::arabicAndLatin);
    }

    private static String arabicAndLatin(Random r) {
        int length = r.nextInt(201);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(5)) {
                case 0 -> s.append((char) ('\u0600' + r.nextInt(0x100)));
                case 1 -> s.append((char) ('\uFB50' + r.nextInt(0xFEFF - 0xFB50 + 1)));
                case 2 -> s.append((char) ('a' + r.nextInt(26)));
                case 3 -> s.append((char) ('A' + r.nextInt(26)));
                default -> s.append(EXTRA.charAt(r.nextInt(EXTRA.length())));
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("anyUnicode")
    void idempotentOnAnyUnicode(Case<String> c) {
        String once = TextNormalizer.normalize(c.value()).text();
        assertThat(TextNormalizer.normalize(once).text()).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("arabicAndLatin")
    void idempotentOnArabicAndLatin(Case<String> c) {
        String once = TextNormalizer.normalize(c.value()).text();
        assertThat(TextNormalizer.normalize(once).text()).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("anyUnicode")
    void offsetsAreMonotonicAndInsideTheOriginal(Case<String> c) {
        String s = c.value();
        NormalizedText n = TextNormalizer.normalize(s);
        int previous = 0;
        for (int i = 0; i < n.length(); i++) {
            int start = n.originalStart(i);
            assertThat(start).isBetween(previous, s.length() - 1);
            assertThat(n.originalEnd(i + 1)).isBetween(start + 1, s.length());
            previous = start;
        }
    }

    @ParameterizedTest
    @MethodSource("arabicAndLatin")
    void noLeadingTrailingOrDoubledWhiteSpace(Case<String> c) {
        String text = TextNormalizer.normalize(c.value()).text();
        assertThat(text).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ").doesNotContain("\n ");
    }

    @ParameterizedTest
    @MethodSource("anyUnicode")
    void tokenizingNormalizedTextNeverThrows(Case<String> c) {
        assertThat(Tokenizer.tokens(TextNormalizer.normalize(c.value())))
                .allSatisfy(t -> assertThat(t.text()).isNotEmpty());
    }
}
