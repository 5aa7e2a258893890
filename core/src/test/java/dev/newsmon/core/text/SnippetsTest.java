package dev.newsmon.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void shortTextIsReturnedWhole() {
        String text = "وصلت قوات فاغنر إلى طبرق";
        int at = text.indexOf("طبرق");
        assertThat(Snippets.around(text, at, at + 4)).isEqualTo(text);
    }

    @Test
    void longTextIsCutAtWhiteSpaceWithEllipses() {
        String filler = "كلمة ".repeat(60);
        String text = filler + "طبرق" + " " + filler;
        int at = text.indexOf("طبرق");
        String snippet = Snippets.around(text, at, at + 4);
        assertThat(snippet).startsWith("… كلمة").endsWith("كلمة …").contains("طبرق");
        assertThat(snippet.length()).isLessThan(2 * Snippets.CONTEXT_CHARS + 20);
    }

    @Test
    void lineBreaksBecomeSpaces() {
        assertThat(Snippets.around("a\n\nb  c", 0, 1)).isEqualTo("a b c");
    }

    @Test
    void preparedSourceGivesTheSameSnippetsAsTheStaticForm() {
        String text = "  أ\n\nب  ج\u00A0د \u200F ه\n\u200Fو " + "كلمة\t".repeat(50) + "طبرق\r\n" + "x ".repeat(80) + "\uFB01 \u00A8 y  ";
        Snippets.Source source = Snippets.of(text);
        NormalizedBuffer buffer = new NormalizedBuffer();
        TextNormalizer.normalizeInto(text, buffer);
        Snippets.Source fromNormalization = Snippets.of(buffer);
        for (int start = 0; start < text.length(); start += 7) {
            int end = Math.min(text.length(), start + 4);
            String expected = referenceAround(text, start, end);
            assertThat(source.around(start, end)).isEqualTo(expected);
            assertThat(fromNormalization.around(start, end)).isEqualTo(expected);
            assertThat(Snippets.around(text, start, end)).isEqualTo(expected);
        }
    }

    @Test
    void spaceTestAgreesWithTheJdk() {
        for (char c = 0; c < 0xFFFF; c++) {
            boolean jdk = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
            assertThat(Snippets.isSpace(c)).as("U+%04X", (int) c).isEqualTo(jdk);
        }
    }

    /** The plain definition: cut at white space, collapse runs with a regex. */
    private static String referenceAround(String text, int start, int end) {
        int from = Math.max(0, start - Snippets.CONTEXT_CHARS);
        int to = Math.min(text.length(), end + Snippets.CONTEXT_CHARS);
        while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        String core = text.substring(from, to).replaceAll("[\\s\\u00A0]+", " ").strip();
        return (from > 0 ? "… " : "") + core + (to < text.length() ? " …" : "");
    }

    @Test
    void badOffsetsAreClampedNotThrown() {
        assertThat(Snippets.around("abc", -5, 99)).isEqualTo("abc");
        assertThat(Snippets.around("abc", 2, 1)).isEqualTo("abc");
        assertThat(Snippets.around(null, 0, 1)).isEmpty();
    }
}
