package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void ignoresDiacriticsTatweelLetterVariantsDigitScriptsAndSpacing() {
        String plain = "أعلنت المؤسسة استئناف الإنتاج في حقل الشرارة بطاقة 270 ألف برميل يوميا.";
        String marked = "أَعْلَنَت المُؤسَّسة  استئنـــاف الانتاج في حقل الشرارة\u00A0بطاقة ٢٧٠ ألف برميل يوميّاً";
        assertThat(ContentHash.of(marked)).isEqualTo(ContentHash.of(plain));
    }

    @Test
    void differsWhenAWordOrANumberDiffers() {
        String a = "Flights resumed at Benghazi airport after a 3-day closure.";
        assertThat(ContentHash.of(a)).isNotEqualTo(ContentHash.of(a.replace("Benghazi", "Misrata")))
                .isNotEqualTo(ContentHash.of(a.replace("3", "5")));
        assertThat(ContentHash.of("6,000 tonnes")).isEqualTo(ContentHash.of("6000 tonnes"))
                .isNotEqualTo(ContentHash.of("6 000 tonnes"));
    }
}
