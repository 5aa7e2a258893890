package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.model.DedupMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How outlets republish a short wire item, and the look-alikes that must stay apart. */
class WireEditsTest {

    private static final String LEAD = "أعلنت بلدية مرزق افتتاح مدرسة جديدة في حي الشرقية تتسع لنحو 600 تلميذ، "
            + "بعد عامين من أعمال البناء.";
    private static final String SECOND = "وقال عميد البلدية إن المدرسة تضم 24 فصلا ومختبرا للعلوم وقاعة للحاسوب.";
    private static final String CLOSING = "وأضاف أن الدراسة ستبدأ فيها مع انطلاق العام الدراسي المقبل.";
    private static final String ORIGINAL = LEAD + "\n\n" + SECOND + "\n\n" + CLOSING;

    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final DedupEngine engine = new DedupEngine();

    private DedupDecision copyOfOriginal(String copy) {
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        engine.decide(candidate("original", ORIGINAL, 0), state);
        return engine.decide(candidate("copy", copy, 1), state);
    }

    private DedupCandidate candidate(String id, String text, long time) {
        return fingerprinter.candidate(id, "https://news.example/" + id, ContentHash.of(text), text, List.of(), time);
    }

    @Test
    void aDatelineOrACreditLineNeverMakesACopyDifferent() {
        for (String copy : List.of("مرزق - وكالات: " + ORIGINAL, "سبها (رويترز) - " + ORIGINAL,
                "طرابلس - (أ ف ب): " + ORIGINAL, "كتب - أحمد علي: " + ORIGINAL,
                ORIGINAL + "\n\n(وكالة الأنباء الليبية)", ORIGINAL + "\n\nالمصدر: بوابة الجنوب الإخبارية")) {
            DedupDecision d = copyOfOriginal(copy);
            assertThat(d.duplicateOf()).as(copy).isEqualTo("original");
        }
    }

    @Test
    void aClosingSentenceAddedOrSwappedMayNameNewPlacesAndFigures() {
        String background = "يذكر أن مرزق تقع على بعد نحو 900 كيلومتر جنوب طرابلس، وقد تضررت مدارسها في فيضانات عام 2019.";
        assertThat(copyOfOriginal(ORIGINAL + "\n\n" + background).duplicateOf()).isEqualTo("original");
        DedupDecision swapped = copyOfOriginal(LEAD + "\n\n" + SECOND + "\n\n" + background);
        assertThat(swapped.duplicateOf()).isEqualTo("original");
        assertThat(swapped.method()).isEqualTo(DedupMethod.NEAR);
    }

    @Test
    void aChangedKeyFactStaysAnotherArticleWhereverItIs() {
        // The lead's figure, the lead's town, the second sentence's figure, and the closing sentence's one fact.
        assertThat(copyOfOriginal(ORIGINAL.replace("600 تلميذ", "800 تلميذ")).duplicate()).isFalse();
        assertThat(copyOfOriginal(ORIGINAL.replace("بلدية مرزق", "بلدية أوباري")).duplicate()).isFalse();
        assertThat(copyOfOriginal(ORIGINAL.replace("24 فصلا", "18 فصلا")).duplicate()).isFalse();
        String closingWithFigure = LEAD + "\n\n" + SECOND + "\n\nوأضاف أن الدراسة ستبدأ فيها يوم 15 سبتمبر المقبل.";
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        engine.decide(candidate("original", closingWithFigure, 0), state);
        assertThat(engine.decide(candidate("corrected", closingWithFigure.replace("15 سبتمبر", "22 سبتمبر"), 1),
                state).duplicate()).as("a figure corrected in the closing sentence").isFalse();
    }

    @Test
    void aFigureGluedToItsProcliticIsStillAFigure() {
        String forecast = "توقع مركز الأرصاد طقسا حارا على الجنوب اليوم، مع رياح معتدلة.\n\n"
                + "وقال المركز إن الحرارة العظمى ستصل إلى 46 درجة في سبها، و39 درجة في غدامس.\n\n"
                + "ونصح المركز المواطنين بتجنب الشمس في ساعات الظهيرة.";
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        engine.decide(candidate("monday", forecast, 0), state);
        assertThat(engine.decide(candidate("tuesday", forecast.replace("و39", "و32"), 1), state).duplicate())
                .isFalse();
        assertThat(engine.decide(candidate("copy", forecast.replace("و39", "و٣٩"), 2), state).duplicateOf())
                .isEqualTo("monday");
    }

    @Test
    void aSwappedClosingSentenceDoesNotExcuseAChangedLead() {
        String background = "يذكر أن مرزق تقع على بعد نحو 900 كيلومتر جنوب طرابلس، وقد تضررت مدارسها في فيضانات عام 2019.";
        String other = LEAD.replace("600 تلميذ", "450 تلميذ") + "\n\n" + SECOND + "\n\n" + background;
        assertThat(copyOfOriginal(other).duplicate()).isFalse();
    }
}
