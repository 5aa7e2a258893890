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
    void badOffsetsAreClampedNotThrown() {
        assertThat(Snippets.around("abc", -5, 99)).isEqualTo("abc");
        assertThat(Snippets.around("abc", 2, 1)).isEqualTo("abc");
        assertThat(Snippets.around(null, 0, 1)).isEmpty();
    }
}
