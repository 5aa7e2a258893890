package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireFurnitureTest {

    private static final String SENTENCE = "أعلنت الحكومة افتتاح الطريق الجديد.";

    @Test
    void datelinesAreBlankedWithTheirOffsetsKept() {
        for (String dateline : new String[] {"بنغازي - وكالات:", "طرابلس (رويترز) -", "القاهرة (أ ش أ) -",
            "باماكو - (أ ف ب):", "طبرق - بوابة الوسط:", "كتب - محمد السيد:", "CAIRO (MENA) -",
            "MOSCOW, March 4 (AFP) -", "CAIRO/HAMBURG, Feb 12 (Reuters) -", "Cairo, Oct 20 (MENA) -",
            "غدامس (ليبيا) -"}) {
            String text = dateline + " " + SENTENCE;
            String blanked = WireFurniture.blank(text);
            assertThat(blanked).as(dateline).hasSameSizeAs(text).endsWith(SENTENCE);
            assertThat(blanked.substring(0, dateline.length())).as(dateline).isBlank();
        }
    }

    @Test
    void closingCreditLinesAreBlanked() {
        for (String credit : new String[] {"(وكالة الأنباء الليبية)", "المصدر: المنظمة الدولية للهجرة",
            "(Reporting by Ayman al-Warfalli; Editing by Alison Williams)", "شارك في إعداد الخبر: قسم الاقتصاد"}) {
            String text = SENTENCE + "\n\n" + credit;
            assertThat(WireFurniture.blank(text)).as(credit).isEqualTo(SENTENCE + "\n\n" + " ".repeat(credit.length()));
        }
    }

    @Test
    void sentencesThatOnlyLookAlikeAreKept() {
        for (String text : new String[] {"قال الرئيس - في كلمة ألقاها اليوم - إن الحكومة ستفتتح الطريق.",
            "The minister said - in a statement - that the road would open.", SENTENCE,
            SENTENCE + "\n\nوقال المتحدث: إن الطريق سيفتتح الأسبوع المقبل بحضور الوزير."}) {
            assertThat(WireFurniture.blank(text)).isEqualTo(text);
        }
    }
}
