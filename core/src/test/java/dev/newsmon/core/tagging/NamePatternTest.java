package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamePatternTest {

    @Test
    void alternativesAndOptionalParts() {
        assertThat(NamePattern.expand("(ال|)كرملين")).containsExactly("الكرملين", "كرملين");
        assertThat(NamePattern.expand("Khalifa (Belqasim |)Haftar")).containsExactly("Khalifa Belqasim Haftar", "Khalifa Haftar");
    }

    @Test
    void letterClassesForForeignSounds() {
        assertThat(NamePattern.expand("<V>ا<G>نر")).containsExactly("فاغنر", "فاجنر", "فاقنر", "واغنر", "واجنر", "واقنر");
        assertThat(NamePattern.expand("بري<G>و<ZH>ين")).contains("بريغوجين", "بريغوزين", "بريجوجين");
        assertThat(NamePattern.expand("س<I>رغي")).containsExactly("سيرغي", "سرغي");
    }

    @Test
    void nestedGroups() {
        assertThat(NamePattern.expand("a(b(c|d)|)e")).containsExactly("abce", "abde", "ae");
    }

    @Test
    void plainTextIsItself() {
        assertThat(NamePattern.expand("Tobruk")).containsExactly("Tobruk");
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThatThrownBy(() -> NamePattern.expand("a(b")).hasMessageContaining("without ')'");
        assertThatThrownBy(() -> NamePattern.expand("a)b")).hasMessageContaining("unexpected ')'");
        assertThatThrownBy(() -> NamePattern.expand("a<G")).hasMessageContaining("without '>'");
        assertThatThrownBy(() -> NamePattern.expand("a>b")).hasMessageContaining("'>' without '<'");
        assertThatThrownBy(() -> NamePattern.expand("<X>")).hasMessageContaining("unknown letter class");
        assertThatThrownBy(() -> NamePattern.expand("(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)"))
                .hasMessageContaining("more than");
    }

    @Test
    void userNamesAreTakenLiterallyWhenTheyAreNotPatterns() {
        assertThat(NamePattern.expandLenient("Hay'at Tahrir al-Sham (HTS)")).containsExactly("Hay'at Tahrir al-Sham (HTS)");
        assertThat(NamePattern.expandLenient("a(b|c")).containsExactly("a(b|c");
        assertThat(NamePattern.expandLenient("(ال|)قاعدة")).containsExactly("القاعدة", "قاعدة");
    }
}
