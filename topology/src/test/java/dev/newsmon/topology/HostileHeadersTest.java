package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw records whose headers lie about their content. */
class HostileHeadersTest {

    private static final String ARTICLE = "{\"title\":\"Port of Tobruk\",\"body\":\"Ships wait outside the port of"
            + " Tobruk.\",\"publishedAt\":\"2024-05-01T00:00:00Z\"}";

    private TopologyHarness t;

    @BeforeEach
    void setUp() {
        t = new TopologyHarness();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void anUnknownFormatIsRejectedNotReadAsJson() {
        t.send("exe", "mystery.bin", ARTICLE);
        assertThat(t.read(t.topics.rejected())).singleElement().satisfies(r -> {
            assertThat(r.get("origin").asText()).isEqualTo("mystery.bin");
            assertThat(r.get("reason").asText()).isEqualTo("Unknown input format \"exe\" in header newsmon.format");
        });
        assertThat(t.read(t.topics.articles())).isEmpty();
    }

    @Test
    void noFormatHeaderMeansJson() {
        t.send(null, "plain.jsonl:1", ARTICLE);
        assertThat(t.read(t.topics.articles())).hasSize(1);
    }
}
