package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inputs under the input limit whose analyzed record would still exceed what one Kafka record may hold. Before the
 * guard, each made the stream thread fail on send, get replaced, and fail again on the same record, forever.
 */
class OversizeOutputTest {

    private TopologyHarness t;

    @BeforeEach
    void setUp() {
        t = new TopologyHarness();
        t.track("tobruk");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void textThatDoublesWhenEscapedAsJsonIsRejectedWithItsSize() {
        // 510 KB of quotes and backslashes (under the 512 KiB input limit) is 1020 KB as a JSON string.
        t.send("text", "big/quotes.txt", "Headline about Tobruk\n\n" + "\"\\".repeat(255_000) + "\n");
        t.send("text", "ok.txt", "Port of Tobruk reopens\n\nThe port of Tobruk reopened after repairs, officials said.");

        List<JsonNode> rejected = t.read(t.topics.rejected());
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.get("origin").asText()).isEqualTo("big/quotes.txt");
            assertThat(r.get("code").asText()).isEqualTo("too-large");
            assertThat(r.get("reason").asText()).matches("The article is too large to publish: after analysis it is"
                    + " \\d+ KiB of JSON, over the 976 KiB limit of one Kafka record");
        });
        assertThat(t.read(t.topics.articles())).extracting(a -> a.get("origin").asText()).containsExactly("ok.txt");
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }

    @Test
    void aNameRepeatedFortyThousandTimesStaysOneArticleAndOneAlert() {
        t.send("text", "big/mentions.txt", "Tobruk mentions\n\n" + "طبرق ".repeat(40_000));
        List<JsonNode> articles = t.read(t.topics.articles());
        assertThat(articles).singleElement().satisfies(a -> {
            JsonNode tobruk = a.get("entities").get(0);
            assertThat(tobruk.get("mentions").asInt()).isGreaterThanOrEqualTo(40_000);
            assertThat(tobruk.get("offsets")).hasSizeLessThanOrEqualTo(200);
        });
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }

    @Test
    void aHugeOriginHeaderIsCut() {
        t.send("json", "o".repeat(50_000), "{\"title\": \"cut off");
        assertThat(t.read(t.topics.rejected())).singleElement()
                .satisfies(r -> assertThat(r.get("origin").asText()).hasSize(AnalyzeProcessor.MAX_ORIGIN_CHARS + 1));
    }
}
