package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Finding entity ids from the CLI, and "did you mean" for a mistyped one. */
class EntitiesCliTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aPartialIdGetsSuggestions() {
        assertThat(run("watchlist", "add", "wagner", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean").contains("wagner-group");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void aMisspeltIdGetsSuggestions() {
        assertThat(run("watchlist", "add", "tobrk", "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean").contains("tobruk");
    }

    @Test
    void searchFindsAnEntityByArabicAndLatinSpellings() {
        for (String query : new String[] {"wagner", "Wagner Group", "wagner group", "مجموعة فاغنر", "مجموعه فاجنر"}) {
            out.getBuffer().setLength(0);
            assertThat(run("entities", "search", query)).as(query).isZero();
            assertThat(out.toString().lines().findFirst()).as(query).hasValueSatisfying(
                    l -> assertThat(l).startsWith("wagner-group  ORG"));
        }
        // a bare surname names several people and the group: all are listed
        for (String query : new String[] {"فاغنر", "فاجنر", "Wagner"}) {
            out.getBuffer().setLength(0);
            assertThat(run("entities", "search", query)).as(query).isZero();
            assertThat(out.toString()).as(query).contains("wagner-group  ORG", "richard-wagner  PERSON");
        }
    }

    @Test
    void searchNormalizesArabicLetterForms() {
        // harakat (short-vowel marks) are removed by the normalizer
        assertThat(run("entities", "search", "طرابلس")).isZero();
        String plain = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("entities", "search", "طَرابُلُس")).isZero();
        assertThat(out.toString()).isEqualTo(plain).isNotBlank();
    }

    @Test
    void searchWithoutAMatchExitsOne() {
        assertThat(run("entities", "search", "zzzz-no-such-name")).isEqualTo(1);
        assertThat(err.toString()).contains("zzzz-no-such-name");
    }

    @Test
    void listFiltersByType() {
        assertThat(run("entities", "list", "--type", "PERSON")).isZero();
        assertThat(out.toString().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("  PERSON  "));
        assertThat(out.toString()).contains("khalifa-haftar");
        out.getBuffer().setLength(0);
        assertThat(run("entities", "list", "--format", "json", "--type", "place")).isZero();
        assertThat(out.toString().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    }
}
