package dev.newsmon.core.tagging;

import static dev.newsmon.core.tagging.TaggingAssertions.counts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private final EntityTagger tagger = EntityTagger.builtIn();

    @Test
    void reportsIdTypeNameCountTitleOffsetsAndSnippet() {
        String title = "فاغنر في طبرق";
        String text = "قالت مصادر إن مرتزقة مجموعة فاغنر الروسية وصلوا إلى ميناء طبرق، ثم غادر عناصر فاغنر إلى بنغازي.";
        List<EntityMention> found = tagger.tag(title, text);
        EntityMention wagner = found.stream().filter(m -> m.id().equals("wagner-group")).findFirst().orElseThrow();
        assertThat(wagner.type()).isEqualTo(EntityType.ORG);
        assertThat(wagner.name()).isEqualTo("Wagner Group");
        assertThat(wagner.inTitle()).isTrue();
        assertThat(wagner.mentions()).isEqualTo(3);
        assertThat(wagner.offsets()).extracting(Span::field).containsExactly("title", "text", "text");
        Span inTitle = wagner.offsets().get(0);
        assertThat(title.substring(inTitle.start(), inTitle.end())).isEqualTo("فاغنر");
        Span firstInText = wagner.offsets().get(1);
        assertThat(text.substring(firstInText.start(), firstInText.end())).isEqualTo("مرتزقة مجموعة فاغنر");
        assertThat(wagner.snippet()).contains("مرتزقة مجموعة فاغنر الروسية").doesNotContain("…");
        EntityMention tobruk = found.stream().filter(m -> m.id().equals("tobruk")).findFirst().orElseThrow();
        assertThat(tobruk.mentions()).isEqualTo(2);
        assertThat(found).extracting(EntityMention::id).startsWith("wagner-group", "tobruk");
    }

    @Test
    void offsetsAreInTheOriginalTextWithHarakatAndInvisibleMarks() {
        String text = "زار \u200Fبُوتِينُ القاهرةَ";
        EntityMention putin = tagger.tag(null, text).get(0);
        Span span = putin.offsets().get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("بُوتِينُ");
    }

    @Test
    void aTitleBeforeANameIsPartOfTheMention() {
        String text = "استقبل الرئيس عبد الفتاح السيسي ضيفه، ثم قال الرَّئِيسُ بوتين";
        List<EntityMention> found = tagger.tag(null, text);
        assertThat(found).extracting(EntityMention::id).containsExactly("abdel-fattah-el-sisi", "vladimir-putin");
        Span sisi = found.get(0).offsets().get(0);
        assertThat(text.substring(sisi.start(), sisi.end())).isEqualTo("الرئيس عبد الفتاح السيسي");
        Span putin = found.get(1).offsets().get(0);
        assertThat(text.substring(putin.start(), putin.end())).isEqualTo("الرَّئِيسُ بوتين");
    }

    @Test
    void snippetIsOriginalTextAroundTheFirstMentionInTheText() {
        String text = "أ".repeat(5) + " " + "كلمة ".repeat(40) + "وصل الوفد إلى طَبَرْق أمس " + "كلمة ".repeat(40);
        EntityMention tobruk = tagger.tag("طبرق", text).get(0);
        assertThat(tobruk.snippet()).contains("إلى طَبَرْق أمس").startsWith("… ").endsWith(" …");
    }

    @Test
    void titleOnlyMentionUsesTheTitleForTheSnippet() {
        EntityMention m = tagger.tag("بنغازي تستعد", "لا شيء هنا").get(0);
        assertThat(m.inTitle()).isTrue();
        assertThat(m.snippet()).isEqualTo("بنغازي تستعد");
    }

    @Test
    void englishAndArabicInOneArticle() {
        Map<String, Integer> c = counts(tagger, "Haftar meets Putin", "التقى المشير خليفة حفتر الرئيس الروسي فلاديمير بوتين في موسكو");
        assertThat(c).containsEntry("khalifa-haftar", 2).containsEntry("vladimir-putin", 2).containsEntry("moscow", 1);
    }

    @Test
    void badInputGivesAnEmptyListNotAnException() {
        assertThat(tagger.tag(null, null)).isEmpty();
        assertThat(tagger.tag("", "")).isEmpty();
        assertThat(tagger.tag("\uD800\uDFFF\uDBFF", "\u0000\uFFFF\u202E")).isEmpty();
    }

    @Test
    void watchlistNamesGetNormalizationCliticsAndVariants() {
        EntityTagger custom = new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(
                new WatchlistEntry("kufra-council", EntityType.ORG, List.of("المجلس البلدي الكفرة", "Kufra Council")),
                new WatchlistEntry("abdel-salam", EntityType.PERSON, List.of("عبد السلام الزوبي")))));
        assertThat(counts(custom, "", "وبالمجلس البلدي الكُفْرَة")).containsEntry("kufra-council", 1);
        assertThat(counts(custom, "", "the KUFRA council said")).containsEntry("kufra-council", 1);
        assertThat(counts(custom, "", "التقى بعبدالسلام الزوبي")).containsEntry("abdel-salam", 1);
        assertThat(custom.gazetteer().entity("kufra-council")).get()
                .satisfies(e -> assertThat(e.nameAr()).isEqualTo("المجلس البلدي الكفرة"));
    }

    @Test
    void watchlistNamesCanAddAliasesToABuiltInEntity() {
        EntityTagger custom = new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(
                new WatchlistEntry("wagner-group", null, List.of("الموسيقيون")))));
        assertThat(counts(custom, "", "وصل الموسيقيون")).containsEntry("wagner-group", 1);
        assertThat(counts(custom, "", "مجموعة فاغنر")).containsEntry("wagner-group", 1);
        assertThat(custom.gazetteer().entity("wagner-group").orElseThrow().type()).isEqualTo(EntityType.ORG);
    }

    @Test
    void watchlistPatternSyntaxIsHonouredOrTakenLiterally() {
        EntityTagger custom = new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(
                new WatchlistEntry("x-pattern", EntityType.ORG, List.of("شركة <V>ا<G>ن")),
                new WatchlistEntry("x-broken", EntityType.ORG, List.of("Alpha (Beta")))));
        assertThat(counts(custom, "", "شركة واجن")).containsEntry("x-pattern", 1);
        assertThat(counts(custom, "", "Alpha Beta")).containsEntry("x-broken", 1);
    }

    @Test
    void aUserNameSharedWithABuiltInNameCountsForBoth() {
        EntityTagger custom = new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(
                new WatchlistEntry("tobruk-watch", EntityType.PLACE, List.of("طبرق")))));
        assertThat(counts(custom, "", "في طبرق")).containsEntry("tobruk", 1).containsEntry("tobruk-watch", 1);
    }

    @Test
    void taggingIsThreadSafe() throws Exception {
        List<String> texts = List.of(
                "التقى خليفة حفتر في بنغازي وفدا من مجموعة فاغنر",
                "The Kremlin said Putin spoke with Erdogan about Libya",
                "اشتباكات في طرابلس بين باب التبانة وجبل محسن في لبنان",
                "سرت شائعات في القاهرة عن لقاء السيسي وحفتر");
        List<Map<String, Integer>> expected = texts.stream().map(t -> counts(tagger, "", t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int k = i % texts.size();
                results.add(pool.submit(() -> counts(tagger, "", texts.get(k)).equals(expected.get(k))));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rebuildingForAWatchlistIsCheap() {
        Gazetteer base = Gazetteer.builtIn();
        new EntityTagger(base);
        long start = System.nanoTime();
        EntityTagger t = new EntityTagger(base.withWatchlistNames(List.of(
                new WatchlistEntry("x", EntityType.ORG, List.of("اسم جديد")))));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Not a speed assertion (see BENCHMARKS); a guard against accidentally quadratic compilation.
        assertThat(millis).isLessThan(5_000);
        assertThat(t.keyCount()).isGreaterThan(3_000);
    }
}
