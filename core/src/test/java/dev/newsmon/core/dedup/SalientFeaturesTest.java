package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.model.DedupMethod;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.tagging.EntityTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One salient fact is one feature, whether the place list, the tagger or both name it. */
class SalientFeaturesTest {

    private static final long T0 = 1_714_000_000_000L;
    private static final String TOWNS = "في سبها وأوباري ومرزق";
    private static final String BRIEF = "أطلقت وزارة الصحة حملة تطعيم جديدة ضد شلل الأطفال تستهدف نحو 120 ألف طفل في "
            + "الجنوب، وتستمر الحملة أسبوعين كاملين بمشاركة فرق متنقلة تزور المدارس والمراكز الصحية.\n\n"
            + "وقال مدير الرعاية الأولية إن الفرق ستبدأ عملها " + TOWNS + " قبل أن تنتقل إلى القرى البعيدة، مشيرا إلى "
            + "أن نقص الوقود أخر وصول اللقاحات عدة أيام.";
    private static final String ARTICLE = BRIEF + "\n\n"
            + "ودعت الوزارة الأهالي إلى التعاون مع العاملين في الحملة وتسجيل الأطفال الذين لم يتلقوا الجرعات السابقة، "
            + "مؤكدة أن اللقاح آمن ومجاني ومتاح في كل المراكز.\n\n"
            + "وأوضح المسؤول أن الحملة السابقة بلغت نسبة تغطية مرتفعة، غير أن النزوح الداخلي وانقطاع الطرق في فصل "
            + "الشتاء تركا فجوات في بعض المناطق النائية البعيدة عن المدن الكبرى.";

    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final DedupEngine engine = new DedupEngine();

    @Test
    void aTaggedTownThePlaceListKnowsCountsOnce() {
        int at = ARTICLE.indexOf("ومرزق") + 1;
        EntityMention murzuq = new EntityMention("murzuq", EntityType.PLACE, "Murzuq", 1, false,
                List.of(new Span(Span.TEXT, at, at + 4)), "");
        assertThat(fingerprinter.sketch(ARTICLE, List.of(murzuq)).features())
                .isEqualTo(fingerprinter.sketch(ARTICLE, List.of()).features());
        // A name the place list does not know still counts through the tagger.
        int ministry = ARTICLE.indexOf("وزارة الصحة");
        EntityMention health = new EntityMention("ministry-of-health", EntityType.ORG, "Ministry of Health",
                1, false, List.of(new Span(Span.TEXT, ministry, ministry + 11)), "");
        assertThat(fingerprinter.sketch(ARTICLE, List.of(murzuq, health)).features())
                .hasSize(fingerprinter.sketch(ARTICLE, List.of()).features().length + 1);
    }

    @Test
    void anEditorDroppingOneTownOfALongArticleLeavesACopy() {
        InMemoryDedupState state = new InMemoryDedupState(30 * 86_400_000L);
        engine.decide(candidate("original", ARTICLE), state);
        DedupDecision d = engine.decide(candidate("copy", ARTICLE.replace(TOWNS, "في سبها وأوباري")), state);
        assertThat(d.duplicateOf()).isEqualTo("original");
        assertThat(d.method()).isEqualTo(DedupMethod.NEAR);
    }

    @Test
    void anotherTownIsAnotherStoryInABriefAndInALongArticle() {
        InMemoryDedupState state = new InMemoryDedupState(30 * 86_400_000L);
        engine.decide(candidate("brief", BRIEF), state);
        engine.decide(candidate("article", ARTICLE), state);
        String ghat = "في سبها وأوباري وغات";
        assertThat(engine.find(candidate("other-brief", BRIEF.replace(TOWNS, ghat)), state).duplicate()).isFalse();
        assertThat(engine.find(candidate("other-article", ARTICLE.replace(TOWNS, ghat)), state).duplicate()).isFalse();
    }

    /** The sequenced stage fingerprints the text without a site's recurring lines, with the tagger's spans. */
    @Test
    void entitySpansStillHoldInATextWhoseRecurringLinesWereRemoved() {
        RecurringLineFilter filter = new RecurringLineFilter();
        InMemoryDedupState lines = new InMemoryDedupState(30 * 86_400_000L);
        String slogan = "موقع الواحة الإخباري: الخبر كما هو";
        for (int i = 0; i < 3; i++) {
            filter.learn("waha.example", slogan + "\n\nخبر قصير رقم " + i, "story-" + i, T0 + i, lines);
        }
        String published = slogan + "\n\n" + ARTICLE;
        RecurringLineFilter.Cleaned cleaned = filter.clean("waha.example", published, lines);
        assertThat(cleaned.removedAny()).isTrue();
        List<EntityMention> tagged = EntityTagger.builtIn().tag("", published);
        assertThat(fingerprinter.sketch(cleaned.text(), tagged).features())
                .isEqualTo(fingerprinter.sketch(ARTICLE, EntityTagger.builtIn().tag("", ARTICLE)).features());
    }

    private DedupCandidate candidate(String id, String text) {
        List<EntityMention> entities = EntityTagger.builtIn().tag("", text);
        return fingerprinter.candidate(id, null, ContentHash.of(text), text, entities, T0);
    }
}
