package dev.newsmon.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.AlertMatch;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Alerts carry where the mention sits inside the snippet, so a page can highlight exactly it. */
class AlertFactoryTest {

    private static final Instant NOW = Instant.parse("2024-05-01T00:05:00Z");

    private static final EntityTagger TAGGER = EntityTagger.builtIn();

    @Test
    void highlightCoversTheMentionWithItsClitic() {
        AlertMatch m = alertMatch("رسو سفينة", "قالت مصادر في الميناء إن سفينة شحن رست وبطبرق صباح الثلاثاء.", "tobruk");
        assertThat(highlighted(m)).isEqualTo(surfaceOfFirstTextMention("رسو سفينة",
                "قالت مصادر في الميناء إن سفينة شحن رست وبطبرق صباح الثلاثاء.", "tobruk"));
        assertThat(highlighted(m)).contains("طبرق");
    }

    @Test
    void anEarlierLookAlikeInTheSnippetIsNotHighlighted() {
        String text = "زار الوفد مدينة طبرقة التونسية أولاً ثم توجه إلى طبرق الليبية مساء الأحد.";
        AlertMatch m = alertMatch("جولة الوفد", text, "tobruk");
        assertThat(highlighted(m)).isEqualTo("طبرق");
        int afterTabarka = m.snippet().indexOf("طبرقة") + "طبرقة".length();
        assertThat(m.highlightStart()).isGreaterThan(afterTabarka);
    }

    @Test
    void longTextBeforeTheMentionStillLocatesIt() {
        String filler = "هذه جملة طويلة لا علاقة لها بالموضوع تتكرر عدة مرات في النص   \n  ".repeat(6);
        String text = filler + "وأكد مسؤول أن عناصر فاغنر غادروا القاعدة.";
        AlertMatch m = alertMatch("خبر", text, "wagner-group");
        assertThat(m.snippet()).startsWith("…");
        assertThat(highlighted(m)).contains("فاغنر");
    }

    @Test
    void titleOnlyMentionIsHighlightedInTheTitleSnippet() {
        AlertMatch m = alertMatch("Wagner fighters leave Libyan base", "Officials said the fighters left on Sunday.",
                "wagner-group");
        assertThat(m.inTitle()).isTrue();
        assertThat(highlighted(m)).startsWith("Wagner");
    }

    @Test
    void highlightIsNullWhenTheSnippetDoesNotContainTheMention() {
        EntityMention e = new EntityMention("tobruk", dev.newsmon.core.model.EntityType.PLACE, "Tobruk", 1, false,
                List.of(new Span(Span.TEXT, 0, 6)), "a snippet written elsewhere");
        AlertMatch m = AlertFactory.match(e, "", "Tobruk harbour");
        assertThat(m.highlightStart()).isNull();
        assertThat(m.highlightEnd()).isNull();
    }

    @Test
    void highlightAlwaysSpellsTheMentionOnRandomTexts() {
        String[] words = {"قال", "مسؤول", "إن", "الميناء", "في", "Tobruk", "port", "ships", "طبرقة", "مصادر", "محلية",
            "the", "harbour", "أمس", "وصلت", "سفن", "\n", "  "};
        String[] names = {"طبرق", "لطبرق", "وبطبرق", "Tobruk", "Tubruq"};
        Random random = new Random(20240601L);
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            int mentionAt = random.nextInt(40);
            for (int i = 0; i < 60; i++) {
                text.append(i == mentionAt ? names[random.nextInt(names.length)] : words[random.nextInt(words.length)])
                        .append(' ');
            }
            AlertMatch m = alertMatch("t", text.toString(), "tobruk");
            String expected = surfaceOfFirstTextMention("t", text.toString(), "tobruk");
            assertThat(highlighted(m)).as("text %s", text).isEqualTo(expected);
        }
    }

    @Test
    void articleAlertHasNoTrendAndTrendKindIsDistinct() {
        Article a = article("Tobruk port", "Ships wait outside Tobruk.");
        Alert alert = AlertFactory.alertFor(a, Watchlist.of(List.of(WatchlistEntry.of("tobruk"))), NOW).orElseThrow();
        assertThat(alert.kind()).isEqualTo(Alert.KIND_ARTICLE).isNotEqualTo(Alert.KIND_TREND);
        assertThat(alert.trend()).isNull();
        assertThat(alert.matches()).singleElement().satisfies(m -> assertThat(highlighted(m)).isEqualTo("Tobruk"));
    }

    @Test
    void anAlertCarriesDetectionTimeCanonicalUrlAndCopiesButItsIdDoesNotDependOnWhenItWasMade() {
        Article a = new Article("a-2", "https://x.example/2?utm_source=feed#top", "https://x.example/2", "X",
                "Tobruk port", "en", Instant.parse("2024-05-01T00:00:00Z"), "input", "t:2",
                TAGGER.tag("Tobruk port", "Ships wait outside Tobruk."), "Ships wait outside Tobruk.", "h");
        Watchlist watchlist = Watchlist.of(List.of(WatchlistEntry.of("tobruk")));
        Alert first = AlertFactory.alertFor(a, watchlist, NOW).orElseThrow();
        Alert later = AlertFactory.alertFor(a, watchlist, NOW.plusSeconds(3600)).orElseThrow();
        assertThat(first.detectedAt()).isEqualTo(NOW);
        assertThat(later.detectedAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(later.alertId()).isEqualTo(first.alertId());
        assertThat(first.canonicalUrl()).isEqualTo("https://x.example/2");
        assertThat(first.copies()).isZero();
    }

    private static AlertMatch alertMatch(String title, String text, String entityId) {
        Alert alert = AlertFactory.alertFor(article(title, text), Watchlist.of(List.of(WatchlistEntry.of(entityId))),
                NOW).orElseThrow(() -> new AssertionError(entityId + " not found in: " + text));
        return alert.matches().get(0);
    }

    private static String surfaceOfFirstTextMention(String title, String text, String entityId) {
        EntityMention e = TAGGER.tag(title, text).stream().filter(x -> x.id().equals(entityId)).findFirst().orElseThrow();
        Span s = e.offsets().stream().filter(x -> x.field().equals(Span.TEXT)).findFirst().orElseThrow();
        return text.substring(s.start(), s.end());
    }

    private static String highlighted(AlertMatch m) {
        assertThat(m.highlightStart()).as("highlight of %s in %s", m.entityId(), m.snippet()).isNotNull();
        return m.snippet().substring(m.highlightStart(), m.highlightEnd());
    }

    private static Article article(String title, String text) {
        return new Article("a-1", "https://x.example/1", null, "X", title, "ar", Instant.parse("2024-05-01T00:00:00Z"),
                "input", "t:1", TAGGER.tag(title, text), text, "h");
    }
}
