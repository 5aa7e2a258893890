package dev.newsmon.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.AlertMatch;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user tracks a name that the built-in gazetteer has inside a longer name of its own (Brak al-Shati in "Brak
 * al-Shati air base"): the longest-match rule must not hide the tracked entity, from tagging through the alert.
 */
class TrackedNameInsideLongerNameTest {

    private static final WatchlistEntry BRAK = new WatchlistEntry("brak-town", EntityType.PLACE,
            List.of("Brak al-Shati", "براك الشاطئ"));
    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(BRAK)));
    private static final Watchlist WATCHLIST = Watchlist.of(List.of(BRAK));

    private static Optional<Alert> alertFor(String title, String text) {
        ParsedArticle in = new ParsedArticle(null, "https://news.example/a", null, title, text, null,
                Instant.parse("2026-11-30T08:00:00Z"), "input", "test");
        AnalyzedArticle analyzed = new ArticleAnalyzer().analyze(in, TAGGER);
        return AlertFactory.alertFor(analyzed.article(), WATCHLIST, Instant.parse("2026-11-30T08:01:00Z"));
    }

    private static List<String> ids(String title, String text) {
        return TAGGER.tag(title, text).stream().map(EntityMention::id).toList();
    }

    @Test
    void trackedNameInsideALongerBuiltInNameAlertsInArabic() {
        String text = "قصفت طائرات مسيرة قاعدة براك الشاطئ الجوية فجر الاثنين.";
        Alert alert = alertFor("قصف جوي في الجنوب", text).orElseThrow();
        AlertMatch match = alert.matches().stream().filter(m -> m.entityId().equals("brak-town")).findFirst()
                .orElseThrow();
        assertThat(match.snippet().substring(match.highlightStart(), match.highlightEnd())).isEqualTo("براك الشاطئ");
        assertThat(ids("", text)).contains("brak-town", "brak-al-shati-air-base");
    }

    @Test
    void trackedNameInsideALongerBuiltInNameAlertsInEnglish() {
        Alert alert = alertFor("Drone strike in the south", "Drones struck the Brak al-Shati air base on Monday.")
                .orElseThrow();
        assertThat(alert.matches()).extracting(AlertMatch::entityId).contains("brak-town");
    }

    @Test
    void hamzaSeatsOfTheTrackedNameAreOneName() {
        for (String spelling : List.of("براك الشاطىء", "براك الشاطيء", "براك الشاطي", "براك الشاطى")) {
            assertThat(ids("", "وصلت تعزيزات إلى " + spelling + " أمس")).as(spelling).contains("brak-town");
        }
    }

    @Test
    void withoutTheTrackedEntityTheLongestNameStillWins() {
        List<EntityMention> builtIn = EntityTagger.builtIn().tag("", "قصفت طائرات قاعدة براك الشاطئ الجوية");
        assertThat(builtIn).extracting(EntityMention::id).containsExactly("brak-al-shati-air-base");
        assertThat(builtIn.get(0).mentions()).isEqualTo(1);
    }

    @Test
    void theLongerBuiltInEntityIsCountedOnce() {
        EntityMention base = TAGGER.tag("", "قصفت طائرات قاعدة براك الشاطئ الجوية").stream()
                .filter(m -> m.id().equals("brak-al-shati-air-base")).findFirst().orElseThrow();
        assertThat(base.mentions()).isEqualTo(1);
    }
}
