package dev.newsmon.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {

    private static final String BODY = "انطلقت في مدينة درنة أعمال إعادة بناء أربعة جسور رئيسية دمرها الفيضان، وسط حضور "
            + "مسؤولين محليين وممثلين عن الشركات المنفذة للمشروع في المدينة.";

    @Test
    void dropsHeaderFurnitureAndFindsTheHeadline() {
        String raw = String.join("\n", "- ℃ 21 بنغازي", "- 10 يناير 2025", "شبكة الأخبار", "الرئيسية > أخبار > ليبيا",
                "بدء إعادة بناء جسور درنة بعد عام من الفيضان", "- 11 مارس 2024, 12:00 م", "- تم نسخ الرابط", "", BODY,
                "", "اقرأ أيضا: افتتاح معرض الكتاب بمشاركة دور نشر عربية", "", BODY.replace("أربعة", "خمسة"), "",
                "تابعونا على فيسبوك وتويتر", "جميع الحقوق محفوظة لشبكة الأخبار 2024");
        ExtractedPage page = PlainTextExtractor.extract(raw);
        assertThat(page.title()).isEqualTo("بدء إعادة بناء جسور درنة بعد عام من الفيضان");
        assertThat(page.text()).isEqualTo(BODY + "\n\n" + BODY.replace("أربعة", "خمسة"));
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-03-11T12:00:00Z"));
    }

    /**
     * A page seen for the first time: a navigation bar, a ticker of headlines with blank lines between them, the
     * short headline right after it, the article, and a "most read" list (its heading folds to "الاكثر قراه").
     */
    @Test
    void aFirstSeenPageLosesItsNavigationTickerAndMostReadList() {
        StringBuilder raw = new StringBuilder("صحيفة الواحة\nالرئيسية | محلي | دولي | اقتصاد | رياضة\n");
        for (int i = 0; i < 24; i++) {
            raw.append("وصول ").append(10 + i).append(" شاحنة مساعدات إلى بلدية رقم ").append(i).append(" في الجنوب\n\n");
        }
        raw.append("جسور درنة الجديدة\nنشر في 2025-09-10\nشارك الخبر\n\n").append(BODY).append("\n\n")
                .append(BODY.replace("أربعة", "خمسة")).append("\n\nالأكثر قراءة\n");
        for (int i = 0; i < 4; i++) {
            raw.append("افتتاح سوق شعبي جديد في مدينة رقم ").append(i).append(" بالغرب\n");
        }
        ExtractedPage page = PlainTextExtractor.extract(raw.toString());
        assertThat(page.title()).isEqualTo("جسور درنة الجديدة");
        assertThat(page.text()).isEqualTo(BODY + "\n\n" + BODY.replace("أربعة", "خمسة"));
    }

    @Test
    void aBlockOfHeadlinesAboveTheArticleIsATicker() {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            raw.append("Headline number ").append(i).append(" about something else entirely\n");
        }
        raw.append("\nDesert solar farm begins feeding the grid\n\nA solar power plant near the southern city has ")
                .append("started supplying electricity to the national grid, officials said on Monday morning.\n");
        ExtractedPage page = PlainTextExtractor.extract(raw.toString());
        assertThat(page.title()).isEqualTo("Desert solar farm begins feeding the grid");
        assertThat(page.text()).startsWith("A solar power plant").doesNotContain("Headline number");
    }

    @Test
    void cutsTagsAndRelatedHeadlinesAfterAFooterHeading() {
        String raw = "Flights resume at the airport after closure\n\n" + "Commercial flights resumed on Tuesday. ".repeat(5)
                + "\n\nThe authority said the runway had been inspected.\n\nTags\nLibya aviation\n"
                + "Olive harvest begins with a large crop expected\n";
        ExtractedPage page = PlainTextExtractor.extract(raw);
        assertThat(page.text()).endsWith("inspected.").doesNotContain("Olive");
    }

    @Test
    void neverThrowsAndKeepsAPlainArticleWhole() {
        assertThat(PlainTextExtractor.extract("").text()).isEmpty();
        assertThat(PlainTextExtractor.extract(null).text()).isEmpty();
        assertThat(PlainTextExtractor.extract("\u0000\uFFFF\n\n\t").title()).isNull();
        ExtractedPage page = PlainTextExtractor.extract("Libya's oil output climbs to decade high\n\n"
                + "Production rose to 1.28 million barrels per day, the corporation said.");
        assertThat(page.title()).isEqualTo("Libya's oil output climbs to decade high");
        assertThat(page.text()).isEqualTo("Production rose to 1.28 million barrels per day, the corporation said.");
    }
}
