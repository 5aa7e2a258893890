package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.tagging.EntityTagger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequencer hop's binary record: every field survives, and JSON records of earlier versions are still read. */
class SequencedItemSerdeTest {

    private static final String TITLE = "سفينة روسية ترسو في ميناء طبرق";
    private static final String TEXT = "رست سفينة شحن روسية في ميناء طبرق صباح الثلاثاء، وقال مسؤول إن مقاتلين من "
            + "مجموعة فاغنر كانوا على متنها.\n\nA second paragraph in English mentions Tobruk and Khalifa Haftar.";

    private final SequencedItemSerde serde = new SequencedItemSerde();

    private static SequencedItem analyzedItem() {
        List<EntityMention> entities = EntityTagger.builtIn().tag(TITLE, TEXT);
        Article article = new Article("u-abc", "https://desk.example/a?x=1", "desk.example/a?x=1", "Desk", TITLE,
                "ar", Instant.parse("2024-04-09T07:00:00.123456789Z"), "input", "feed.jsonl:3", entities, TEXT,
                "hash-1");
        return new SequencedItem("run-1", 42, new AnalyzedArticle(article, new Fingerprinter().candidate(
                article.id(), article.canonicalUrl(), article.contentHash(), TEXT, entities,
                article.publishedAt().toEpochMilli())), null, 1_712_646_000_000L,
                new RecurringLineFilter().edges(article.source(), TEXT));
    }

    private SequencedItem roundTrip(SequencedItem item) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", item));
    }

    @Test
    void theOutputJsonWrittenInTheParallelStageTravelsWithTheItem() {
        SequencedItem plain = analyzedItem();
        byte[] json = dev.newsmon.core.json.Json.writeBytes(plain.analyzed().article());
        SequencedItem item = new SequencedItem(plain.run(), plain.seq(), plain.analyzed(), null,
                plain.ingestedAtMs(), plain.edgeLines(), json);
        assertThat(roundTrip(item).articleJson()).isEqualTo(json);
        assertThat(roundTrip(plain).articleJson()).isNull();
        // A record of the version before ends after the edge lines: read without the JSON.
        byte[] bytes = serde.serializer().serialize("t", plain);
        SequencedItem older = serde.deserializer().deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(older.articleJson()).isNull();
        assertThat(older.analyzed().article()).isEqualTo(plain.analyzed().article());
    }

    @Test
    void anAnalyzedArticleSurvivesWithEntitiesOffsetsSnippetsAndItsCandidate() {
        SequencedItem item = analyzedItem();
        assertThat(item.analyzed().article().entities()).hasSizeGreaterThan(2);
        SequencedItem back = roundTrip(item);
        assertThat(back.run()).isEqualTo("run-1");
        assertThat(back.seq()).isEqualTo(42);
        assertThat(back.ingestedAtMs()).isEqualTo(1_712_646_000_000L);
        assertThat(back.analyzed().article()).isEqualTo(item.analyzed().article());
        assertThat(back.analyzed().candidate().encode()).isEqualTo(item.analyzed().candidate().encode());
        assertThat(back.rejection()).isNull();
        assertThat(back.edgeLines()).isEqualTo(item.edgeLines());
        assertThat(back.edgeLines().keys()).isNotEmpty();
    }

    @Test
    void nullFieldsAndUnsequencedItemsSurvive() {
        Article bare = new Article("c-1", null, null, null, "t", null, null, null, "o", List.of(
                new EntityMention("x", EntityType.ORG, "X", 1, false, List.of(new Span("other", 0, 1)), null)),
                "", null);
        SequencedItem item = new SequencedItem(null, SequencedItem.NO_SEQ, new AnalyzedArticle(bare, null), null, 0);
        SequencedItem back = roundTrip(item);
        assertThat(back.analyzed().article()).isEqualTo(bare);
        assertThat(back.analyzed().candidate()).isNull();
        assertThat(back.edgeLines()).isNull();
        assertThat(back.sequenced()).isFalse();
    }

    @Test
    void snippetsThatAreNotPlainPiecesOfTheTextSurviveToo() {
        String text = "First line about the port.\n\n  Second   line names Tobruk here.";
        List<EntityMention> entities = List.of(
                new EntityMention("tobruk", EntityType.PLACE, "Tobruk", 1, false,
                        List.of(new Span(Span.TEXT, text.indexOf("Tobruk"), text.indexOf("Tobruk") + 6)),
                        "… the port. Second line names Tobruk here."),
                new EntityMention("made-up", EntityType.ORG, "Made Up", 1, false,
                        List.of(new Span(Span.TEXT, 0, 5)), "a snippet that is nowhere in the text …"),
                new EntityMention("first", EntityType.ORG, "First", 1, true,
                        List.of(new Span(Span.TITLE, 0, 5)), "First line"));
        Article article = new Article("id", null, null, "s", "First line", "en", null, null, "o", entities, text, "h");
        SequencedItem back = roundTrip(new SequencedItem("r", 1, new AnalyzedArticle(article, null), null, 0));
        assertThat(back.analyzed().article().entities()).isEqualTo(entities);
    }

    @Test
    void aRejectionSurvives() {
        SequencedItem item = new SequencedItem("r", 7, null,
                new Rejection("the line is not valid JSON", null, "a.jsonl:9", "{oops", "invalid-json"), 5);
        assertThat(roundTrip(item)).isEqualTo(item);
    }

    @Test
    void isSmallerThanJson() {
        SequencedItem item = analyzedItem();
        assertThat(serde.serializer().serialize("t", item).length).isLessThan(Json.writeBytes(item).length * 2 / 3);
    }

    @Test
    void readsTheJsonOfEarlierVersions() {
        SequencedItem item = analyzedItem();
        SequencedItem back = serde.deserializer().deserialize("t", Json.writeBytes(item));
        assertThat(back.analyzed().article()).isEqualTo(item.analyzed().article());
    }

    @Test
    void aTruncatedRecordIsAClearError() {
        byte[] bytes = serde.serializer().serialize("t", analyzedItem());
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
