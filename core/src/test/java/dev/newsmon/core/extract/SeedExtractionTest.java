package dev.newsmon.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.InMemoryDedupState;
import dev.newsmon.core.model.DedupMethod;
import dev.newsmon.core.tagging.EntityTagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared seed pages (read from -Dnewsmon.seeds, never copied into the repository). */
class SeedExtractionTest {

    private static String seed(String prefix) throws IOException {
        String dir = System.getProperty("newsmon.seeds");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "seed folder not available (-Dnewsmon.seeds)");
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            Path p = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            assumeTrue(p != null, "seed " + prefix + " missing");
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }

    @Test
    void seed003TickerIsNeitherTitleNorText() throws IOException {
        String raw = seed("003_");
        String ticker = raw.split("\n", 2)[0];
        ExtractedPage page = PlainTextExtractor.extract(raw);
        assertThat(page.title()).contains("روسيا").contains("حفتر").doesNotContain("    ");
        assertThat(ticker).doesNotContain(page.title());
        assertThat(page.text()).doesNotContain(ticker.substring(0, 40)).doesNotContain("الإبلاغ!")
                .doesNotContain("انقر هنا");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2019-04-24T00:00:00Z"));
    }

    @Test
    void seed003WithAnotherTickerIsTheSameArticle() throws IOException {
        String raw = seed("003_");
        String[] parts = raw.split("\n", 2);
        String otherTicker = String.join("    ", List.of("عنوان أول عن الطقس في المدن الساحلية اليوم",
                "نتائج مباريات الدوري المحلي في الجولة الأخيرة", "أسعار الذهب تتراجع في التعاملات المسائية",
                "افتتاح معرض الكتاب بمشاركة دور نشر عربية", "الشرطة تضبط عصابة لسرقة السيارات"));
        DedupEngine engine = new DedupEngine();
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        assertThat(engine.decide(candidate("seed-003", raw), state).duplicate()).isFalse();
        DedupDecision d = engine.decide(candidate("seed-003-retick", otherTicker + "\n" + parts[1]), state);
        assertThat(d.duplicateOf()).isEqualTo("seed-003");
        assertThat(d.method()).isEqualTo(DedupMethod.CONTENT);
    }

    /**
     * Seed 003 as another site would serve it, seen for the first time: its headline ticker as a bar of linked
     * items (class names that say nothing), navigation, the article, a "read also" list. The main text must be the
     * article, not the ticker, and it must be the same article as the plain-text capture.
     */
    @Test
    void seed003InsideAnHtmlTickerBarIsTheArticle() throws IOException {
        String raw = seed("003_");
        String[] parts = raw.split("\n", 2);
        String[] tickerItems = parts[0].strip().split("[ \\t\u00A0]{3,}");
        ExtractedPage asText = PlainTextExtractor.extract(raw);
        StringBuilder html = new StringBuilder("<html lang=\"ar\"><head><meta charset=\"utf-8\"><title>")
                .append(asText.title()).append(" - موقع</title></head><body><div class=\"k93\"><a href=\"/\">الرئيسية</a>"
                        + " <a href=\"/a\">محليات</a> <a href=\"/b\">دولي</a></div><div class=\"q8z\">");
        for (String item : tickerItems) {
            html.append("<span><a href=\"/n\">").append(item.strip()).append("</a></span>");
        }
        html.append("</div><div class=\"m4\"><h1>").append(asText.title()).append("</h1>");
        for (String paragraph : asText.text().split("\n\n")) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        html.append("</div><div class=\"m9\"><h3>اقرأ أيضا</h3><ul>");
        for (int i = 0; i < 5 && i < tickerItems.length; i++) {
            html.append("<li><a href=\"/r\">").append(tickerItems[tickerItems.length - 1 - i].strip()).append("</a></li>");
        }
        html.append("</ul></div></body></html>");

        ExtractedPage page = HtmlExtractor.extract(html.toString());

        assertThat(tickerItems.length).as("ticker items").isGreaterThanOrEqualTo(20);
        for (String item : tickerItems) {
            if (!asText.text().contains(item.strip())) {
                assertThat(page.text()).as("ticker item in the main text").doesNotContain(item.strip());
            }
        }
        assertThat(page.text()).isEqualTo(asText.text());
        DedupEngine engine = new DedupEngine();
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        engine.decide(candidate("seed-003", raw), state);
        DedupDecision d = engine.decide(new Fingerprinter().candidate("seed-003-html", null,
                ContentHash.of(page.text()), page.text(), EntityTagger.builtIn().tag(page.title(), page.text()), 0L),
                state);
        assertThat(d.duplicateOf()).isEqualTo("seed-003");
        assertThat(d.method()).isEqualTo(DedupMethod.CONTENT);
    }

    @Test
    void theFiveSeedsAreDifferentArticles() throws IOException {
        DedupEngine engine = new DedupEngine();
        InMemoryDedupState state = new InMemoryDedupState(Long.MAX_VALUE / 4);
        for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
            assertThat(engine.decide(candidate(prefix, seed(prefix)), state).duplicate()).as(prefix).isFalse();
        }
    }

    @Test
    void seed001TitleIsTheHeadlineNotTheWeatherOrShareLine() throws IOException {
        ExtractedPage page = PlainTextExtractor.extract(seed("001_"));
        assertThat(page.title()).startsWith("كيف تدعم روسيا حفتر");
        assertThat(page.text()).doesNotContain("℃").doesNotContain("الحافظة").doesNotStartWith("كيف تدعم");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-04-16T10:12:02Z"));
    }

    @Test
    void seed004LosesItsSourceLineTagsAndRelatedHeadline() throws IOException {
        ExtractedPage page = PlainTextExtractor.extract(seed("004_"));
        assertThat(page.title()).contains("السيسي");
        assertThat(page.text()).doesNotContain("كلمات مفتاحية").doesNotContain("جوتيريش").doesNotContain("المصدر |");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-01-23T13:10:00Z"));
    }

    @Test
    void seed000DropsTheTrailingSourceUrl() throws IOException {
        ExtractedPage page = PlainTextExtractor.extract(seed("000_"));
        assertThat(page.text()).doesNotContain("https://").endsWith("\".");
    }

    private static dev.newsmon.core.dedup.DedupCandidate candidate(String id, String raw) {
        ExtractedPage page = PlainTextExtractor.extract(raw);
        return new Fingerprinter().candidate(id, null, ContentHash.of(page.text()), page.text(),
                EntityTagger.builtIn().tag(page.title(), page.text()), 0L);
    }
}
