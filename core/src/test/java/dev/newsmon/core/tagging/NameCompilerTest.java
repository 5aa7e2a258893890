package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameCompilerTest {

    private static List<String> keys(String name, String... titles) {
        return NameCompiler.compile(name, List.of(titles), true).stream().map(NameCompiler.Key::text).toList();
    }

    @Test
    void keysAreNormalizedWordsJoinedBySpaces() {
        assertThat(keys("عَقيلة صالح")).containsExactly("عقيله صالح");
        assertThat(keys("Aguila-Saleh")).first().isEqualTo("aguila saleh");
    }

    @Test
    void arabicCompoundsJoinedAndApart() {
        assertThat(keys("عبد الفتاح السيسي")).contains("عبد الفتاح السيسي", "عبدالفتاح السيسي");
        assertThat(keys("عبدالفتاح السيسي")).contains("عبدالفتاح السيسي", "عبد الفتاح السيسي");
        assertThat(keys("أبو ظبي")).contains("ابو ظبي", "ابوظبي");
    }

    @Test
    void latinArticleVariants() {
        assertThat(keys("Fayez al-Sarraj")).contains("fayez al sarraj", "fayez el sarraj", "fayez sarraj");
        assertThat(keys("Abdel Fattah el-Sisi")).contains("abdelfattah el sisi", "abdel fattah al sisi", "abdel fattah sisi");
    }

    @Test
    void titlesPrecedeEveryName() {
        assertThat(keys("حفتر", "المشير", "Marshal")).containsExactly("حفتر", "المشير حفتر", "marshal حفتر");
    }

    @Test
    void acronymsAreCaseSensitiveUnlessSpelledOtherwiseToo() {
        assertThat(NameCompiler.compile("US", List.of(), true)).extracting("text", "caseSensitive")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us", true));
        assertThat(NameCompiler.compile("U.S.", List.of(), true)).extracting("text", "caseSensitive")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u s", true));
        assertThat(NameCompiler.compile("Nato", List.of(), true)).extracting("text", "caseSensitive")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nato", false));
        assertThat(NameCompiler.isAcronym("ECOWAS")).isFalse();
        assertThat(NameCompiler.isAcronym("طبرق")).isFalse();
    }
}
