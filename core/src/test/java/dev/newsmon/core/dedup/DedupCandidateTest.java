package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.tagging.EntityTagger;
import org.junit.jupiter.api.Test;

class DedupCandidateTest {

    private static final String TEXT = "أعلن جهاز خفر السواحل إنقاذ 120 مهاجرا كانوا على متن قاربين قبالة سواحل زوارة، "
            + "وقال متحدث باسم الجهاز إن بين المهاجرين نساء وأطفالا نقلوا إلى مركز إيواء في طرابلس.";

    private static DedupCandidate candidate() {
        return new Fingerprinter().candidate("ar-12", "example.ly/news/1", ContentHash.of(TEXT), TEXT,
                EntityTagger.builtIn().tag("", TEXT), 1_700_000_000_000L);
    }

    @Test
    void roundTripsThroughTheProjectJson() throws Exception {
        DedupCandidate c = candidate();
        String json = Json.write(c);
        DedupCandidate back = Json.mapper().readValue(json, DedupCandidate.class);
        assertThat(back).isEqualTo(c);
        assertThat(back.sketch().isEmpty()).isFalse();
        assertThat(json.length()).as(json).isLessThan(600);
    }

    @Test
    void roundTripsThroughTheBinaryForm() {
        DedupCandidate c = candidate();
        byte[] bytes = c.encode();
        assertThat(DedupCandidate.decode(bytes)).isEqualTo(c);
        assertThat(bytes.length).isLessThan(400);
        DedupCandidate noUrl = new DedupCandidate("x", null, null, -5L);
        assertThat(DedupCandidate.decode(noUrl.encode())).isEqualTo(noUrl);
    }

    @Test
    void rejectsBytesThatAreNotACandidate() {
        assertThatThrownBy(() -> DedupCandidate.decode(new byte[] {1, 5})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DedupCandidate.decode(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTextHasAnEmptySketchAndOldJsonWithoutOneStillReads() {
        assertThat(new Fingerprinter().sketch("  \n ", null)).isEqualTo(TextSketch.EMPTY);
        assertThat(new Fingerprinter().sketch("!!! ... ???", null)).isEqualTo(TextSketch.EMPTY);
        DedupCandidate old = Json.read("{\"id\":\"a\",\"canonicalUrl\":\"x.org/1\",\"contentHash\":\"h\","
                + "\"eventTimeMs\":7}", DedupCandidate.class);
        assertThat(old.sketch()).isEqualTo(TextSketch.EMPTY);
    }
}
