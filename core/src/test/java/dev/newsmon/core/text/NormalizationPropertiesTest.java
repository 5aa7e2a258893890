package dev.newsmon.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalization never throws, is idempotent, and its offset map stays inside the original. */
class NormalizationPropertiesTest {

    @Provide
    Arbitrary<String> anyUnicode() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> arabicAndLatin() {
        return Arbitraries.strings()
                .withCharRange('\u0600', '\u06FF')
                .withCharRange('\u200B', '\u206F')
                .withCharRange('\uFB50', '\uFEFF')
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withChars(' ', '\n', '\u00A0', '-', '.', '«', '»', 'é', 'ß')
                .ofMaxLength(200);
    }

    @Property(tries = 2000)
    void idempotentOnAnyUnicode(@ForAll("anyUnicode") String s) {
        String once = TextNormalizer.normalize(s).text();
        assertThat(TextNormalizer.normalize(once).text()).isEqualTo(once);
    }

    @Property(tries = 2000)
    void idempotentOnArabicAndLatin(@ForAll("arabicAndLatin") String s) {
        String once = TextNormalizer.normalize(s).text();
        assertThat(TextNormalizer.normalize(once).text()).isEqualTo(once);
    }

    @Property(tries = 2000)
    void offsetsAreMonotonicAndInsideTheOriginal(@ForAll("anyUnicode") String s) {
        NormalizedText n = TextNormalizer.normalize(s);
        int previous = 0;
        for (int i = 0; i < n.length(); i++) {
            int start = n.originalStart(i);
            assertThat(start).isBetween(previous, s.length() - 1);
            assertThat(n.originalEnd(i + 1)).isBetween(start + 1, s.length());
            previous = start;
        }
    }

    @Property(tries = 1000)
    void noLeadingTrailingOrDoubledWhiteSpace(@ForAll("arabicAndLatin") String s) {
        String text = TextNormalizer.normalize(s).text();
        assertThat(text).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ").doesNotContain("\n ");
    }

    @Property(tries = 1000)
    void tokenizingNormalizedTextNeverThrows(@ForAll("anyUnicode") String s) {
        assertThat(Tokenizer.tokens(TextNormalizer.normalize(s))).allSatisfy(t -> assertThat(t.text()).isNotEmpty());
    }
}
