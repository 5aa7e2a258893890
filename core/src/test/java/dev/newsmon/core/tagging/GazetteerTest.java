package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.core.model.EntityType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    /** The ids the public contract (CONTRACT.md) promises. */
    static final List<String> CONTRACT_IDS = List.of("wagner-group", "africa-corps", "tobruk", "khalifa-haftar",
            "saddam-haftar", "vladimir-putin", "abdel-fattah-el-sisi", "sergei-shoigu", "sergei-lavrov",
            "yevgeny-prigozhin", "yunus-bek-yevkurov", "fayez-al-sarraj", "aguila-saleh", "benghazi", "tripoli",
            "sirte", "misrata", "derna", "al-jufra", "russia", "egypt", "libya", "turkey", "united-states",
            "united-arab-emirates", "kremlin", "libyan-national-army", "government-of-national-accord");

    private static Gazetteer parse(String yaml) throws Exception {
        return Gazetteer.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void builtInHasTheContractIdsWithArabicAndEnglishNames() {
        Gazetteer g = Gazetteer.builtIn();
        for (String id : CONTRACT_IDS) {
            GazetteerEntity e = g.entity(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertThat(e.nameEn()).as(id).isNotBlank();
            assertThat(e.nameAr()).as(id).isNotBlank();
            assertThat(Gazetteer.containsArabic(e.nameAr())).as(id).isTrue();
        }
    }

    @Test
    void builtInCoversTheDomainWithEveryTypeAndBothScripts() {
        Gazetteer g = Gazetteer.builtIn();
        assertThat(g.size()).isGreaterThanOrEqualTo(200);
        for (EntityType type : EntityType.values()) {
            assertThat(g.entities().stream().filter(e -> e.type() == type).count()).as(type.name()).isGreaterThan(50);
        }
        assertThat(g.entities()).allSatisfy(e -> {
            assertThat(e.nameEn()).as(e.id()).isNotBlank();
            assertThat(e.nameAr()).as(e.id()).isNotBlank();
        });
    }

    @Test
    void everyBuiltInNameCompilesToAKey() {
        EntityTagger tagger = EntityTagger.builtIn();
        assertThat(tagger.keyCount()).isGreaterThan(Gazetteer.builtIn().size() * 5);
    }

    @Test
    void readsTheDocumentedFormat() throws Exception {
        Gazetteer g = parse("""
                entities:
                  - id: new-base
                    type: PLACE
                    en: New Base
                    ar: القاعدة الجديدة
                    names: ["(ال|)قاعدة <G>ديدة", New Base airfield]
                    ambiguous: [Base]
                    titles: [the]
                    article: never
                    context:
                      cues: [runway]
                      coMentions: [new-base]
                      against: [baseball]
                      notFollowedBy: [ball]
                      notPrecededBy: [data]
                      notPredicateBefore: [upon]
                      vocalized: [قَاعِدَة]
                      otherwise: keep
                      inTitle: drop
                    note: anything
                """);
        GazetteerEntity e = g.entity("new-base").orElseThrow();
        assertThat(e.names()).containsExactly("New Base", "القاعدة الجديدة", "(ال|)قاعدة <G>ديدة", "New Base airfield");
        assertThat(e.ambiguousNames()).containsExactly("Base");
        assertThat(e.articleAllowed()).isFalse();
        assertThat(e.context().otherwise()).isEqualTo(EntityContext.Otherwise.KEEP);
        assertThat(e.context().notPrecededBy()).containsExactly("data");
        assertThat(e.context().notPredicateBefore()).containsExactly("upon");
        assertThat(e.context().vocalized()).containsExactly("قَاعِدَة");
        assertThat(e.context().inTitle()).isEqualTo(EntityContext.Otherwise.DROP);
        assertThat(EntityContext.NONE.inTitle()).isEqualTo(EntityContext.Otherwise.DROP);
    }

    @Test
    void mistakesAreReportedWithEntityAndField() {
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, nmes: [x]}\n"))
                .hasMessageContaining("'a'").hasMessageContaining("unknown field 'nmes'");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: CITY, en: A}\n"))
                .hasMessageContaining("type must be PERSON, ORG or PLACE");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG}\n")).hasMessageContaining("canonical name");
        assertThatThrownBy(() -> parse("entities:\n  - {id: A B, type: ORG, en: A}\n")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, names: [\"(x|y\"]}\n"))
                .hasMessageContaining("'a'").hasMessageContaining("without ')'");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, names: [\"<Q>x\"]}\n"))
                .hasMessageContaining("unknown letter class <Q>");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, ambiguous: [x]}\n"))
                .hasMessageContaining("no 'context'");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, ambiguous: [x], context: {coMentions: [zz]}}\n"))
                .hasMessageContaining("unknown entity 'zz'");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A}\n  - {id: a, type: ORG, en: B}\n"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, context: {otherwise: maybe}}\n"))
                .hasMessageContaining("keep or drop");
        assertThatThrownBy(() -> parse("entities:\n  - {id: a, type: ORG, en: A, context: {inTitle: always}}\n"))
                .hasMessageContaining("'inTitle' must be keep or drop");
        assertThatThrownBy(() -> parse("nothing: here\n")).hasMessageContaining("'entities'");
    }

    @Test
    void extendingReplacesSameIdAndAppendsNewOnes() throws Exception {
        Gazetteer user = parse("""
                entities:
                  - {id: tobruk, type: PLACE, en: Tobruk, ar: طبرق, names: [Tobrouk city]}
                  - {id: fresh, type: ORG, en: Fresh}
                """);
        Gazetteer merged = Gazetteer.builtIn().extendedWith(user);
        assertThat(merged.size()).isEqualTo(Gazetteer.builtIn().size() + 1);
        assertThat(merged.entity("tobruk").orElseThrow().names()).contains("Tobrouk city");
    }

    @Test
    void watchlistEntriesWithoutNamesChangeNothing() {
        Gazetteer g = Gazetteer.builtIn().withWatchlistNames(List.of(
                dev.newsmon.core.watchlist.WatchlistEntry.of("tobruk")));
        assertThat(g.size()).isEqualTo(Gazetteer.builtIn().size());
        assertThat(g.entity("tobruk")).isEqualTo(Gazetteer.builtIn().entity("tobruk"));
    }
}
