package dev.newsmon.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.InMemoryDedupState;
import org.junit.jupiter.api.Test;

class RecurringLineFilterTest {

    private static final String SLOGAN = "صوت الساحل منذ عام 1999";
    private final RecurringLineFilter filter = new RecurringLineFilter();

    private static String article(int n) {
        return SLOGAN + "\n\nخبر رقم " + n + " يتناول موضوعا مختلفا عن غيره في هذه المدينة الساحلية الهادئة.";
    }

    @Test
    void aLineSeenInThreeStoriesOfOneSourceIsRemovedFromItsNextArticles() {
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        for (int i = 1; i <= 2; i++) {
            assertThat(filter.clean("sahel.example", article(i), state).removedAny()).isFalse();
            filter.learn("sahel.example", article(i), "story-" + i, i, state);
        }
        // The same story again (a re-crawl or a copy) does not count twice.
        filter.learn("sahel.example", article(2), "story-2", 3, state);
        assertThat(filter.clean("sahel.example", article(4), state).removedAny()).isFalse();
        filter.learn("sahel.example", article(3), "story-3", 4, state);
        RecurringLineFilter.Cleaned cleaned = filter.clean("sahel.example", article(4), state);
        assertThat(cleaned.removedLines()).isEqualTo(1);
        // The line is blanked, not cut out: offsets into the article (entity spans) still hold in the cleaned text,
        // and its words are those of the article without the line.
        assertThat(cleaned.text()).isEqualTo(" ".repeat(SLOGAN.length()) + article(4).substring(SLOGAN.length()));
        assertThat(ContentHash.of(cleaned.text())).isEqualTo(ContentHash.of(article(4).substring(SLOGAN.length())));
        // Another source is not affected.
        assertThat(filter.clean("other.example", article(4), state).removedAny()).isFalse();
    }

    @Test
    void longLinesAndTheMiddleOfLongTextsAreNeverLearned() {
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        String paragraph = "فقرة خلفية طويلة تتكرر في كل تقارير القصة الجارية ".repeat(5);
        for (int i = 0; i < 5; i++) {
            filter.learn("s", paragraph + "\n\nجديد " + i, "story-" + i, i, state);
        }
        assertThat(filter.clean("s", paragraph + "\n\nجديد 9", state).removedAny()).isFalse();
    }

    @Test
    void edgeLinesComputedAheadGiveTheSameResultsAsTheTexts() {
        InMemoryDedupState byText = new InMemoryDedupState(Long.MAX_VALUE / 4);
        InMemoryDedupState byEdges = new InMemoryDedupState(Long.MAX_VALUE / 4);
        String withChrome = "تابعونا على تلغرام\n\n" + article(9) + "\n\nجميع الحقوق محفوظة";
        RecurringLineFilter.EdgeLines edges = filter.edges("sahel.example", withChrome);
        assertThat(edges.keys()).hasSize(edges.lineIndexes().length).isNotEmpty();
        for (int i = 1; i <= 4; i++) {
            String text = i == 4 ? withChrome : article(i) + "\n\nجميع الحقوق محفوظة";
            RecurringLineFilter.EdgeLines e = filter.edges("sahel.example", text);
            assertThat(filter.clean(e, text, byEdges)).isEqualTo(filter.clean("sahel.example", text, byText));
            filter.learn("sahel.example", text, "story-" + i, i, byText);
            filter.learn(e, "story-" + i, i, byEdges);
        }
        RecurringLineFilter.Cleaned cleaned = filter.clean(edges, withChrome, byEdges);
        assertThat(cleaned).isEqualTo(filter.clean("sahel.example", withChrome, byText));
        assertThat(cleaned.removedLines()).isEqualTo(2);
        assertThat(filter.edges(null, withChrome)).isEqualTo(RecurringLineFilter.EdgeLines.NONE);
    }
}
