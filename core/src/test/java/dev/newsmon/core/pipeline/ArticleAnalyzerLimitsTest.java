package dev.newsmon.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.tagging.EntityTagger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The analyzed record stays small enough for one Kafka record however often a name repeats. */
class ArticleAnalyzerLimitsTest {

    @Test
    void aNameRepeatedFortyThousandTimesIsCountedButOnlyTheFirstOffsetsAreKept() {
        String text = "طبرق ".repeat(40_000).strip();
        ParsedArticle in = new ParsedArticle(null, null, null, "طبرق طبرق", text, "ar",
                Instant.parse("2024-04-09T07:00:00Z"), "input", "big.txt");
        AnalyzedArticle out = new ArticleAnalyzer().analyze(in, EntityTagger.builtIn());

        EntityMention tobruk = out.article().entities().stream().filter(e -> e.id().equals("tobruk")).findFirst()
                .orElseThrow();
        assertThat(tobruk.mentions()).isEqualTo(40_002);
        assertThat(tobruk.offsets()).filteredOn(s -> s.field().equals(Span.TEXT))
                .hasSize(ArticleAnalyzer.MAX_OFFSETS_PER_FIELD);
        assertThat(tobruk.offsets()).filteredOn(s -> s.field().equals(Span.TITLE)).hasSize(2);
        assertThat(tobruk.offsets().get(2)).isEqualTo(new Span(Span.TEXT, 0, 4));
        // Text (200 KB as UTF-8) plus a bounded entity list: far from the 4 MB it took with every offset.
        assertThat(Json.writeBytes(out).length).isLessThan(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + 20_000);
    }
}
