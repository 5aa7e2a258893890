package dev.newsmon.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private static final String P1 = "Archaeologists have resumed restoration work at Leptis Magna, the Roman city east of "
            + "Tripoli, after years in which conflict kept most foreign experts away.";
    private static final String P2 = "A joint team of Libyan and Italian specialists is repairing the arch, where sea "
            + "winds and occasional flooding have eroded carved stone, officials said.";

    @Test
    void keepsTheArticleAndDropsTheSiteFurniture() {
        String html = "<html lang=\"en\"><head><title>Restoration resumes | Coastline</title>"
                + "<link rel=\"canonical\" href=\"https://coast.example/culture/leptis\">"
                + "<meta property=\"article:published_time\" content=\"2024-10-02T14:00:00Z\">"
                + "<meta property=\"og:site_name\" content=\"Coastline\"></head><body>"
                + "<header><nav><a href=\"/\">Home</a> <a href=\"/p\">Politics</a></nav></header>"
                + "<div class=\"ticker\"><a href=\"/1\">Gold prices slip in evening trading</a>"
                + "<a href=\"/2\">Cabinet discusses next year's budget</a></div>"
                + "<article><h1>Restoration work resumes at Leptis Magna</h1>"
                + "<div class=\"share\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a></div>"
                + "<p>" + P1 + "</p><p><strong>Read also:</strong> <a href=\"/x\">Book fair opens in the city</a></p>"
                + "<p>" + P2 + "</p></article>"
                + "<aside class=\"related\"><p><a href=\"/r\">Olive harvest begins</a> with a large crop expected, "
                + "farmers said in a long report about the season and prices.</p></aside>"
                + "<footer><p>© 2024 Coastline. All rights reserved.</p></footer></body></html>";
        ExtractedPage page = HtmlExtractor.extract(html);
        assertThat(page.title()).isEqualTo("Restoration work resumes at Leptis Magna");
        assertThat(page.text()).isEqualTo(P1 + "\n\n" + P2);
        assertThat(page.url()).isEqualTo("https://coast.example/culture/leptis");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-10-02T14:00:00Z"));
        assertThat(page.siteName()).isEqualTo("Coastline");
        assertThat(page.lang()).isEqualTo("en");
    }

    @Test
    void readsTextWrittenStraightIntoDivsWithLineBreaks() {
        String html = "<html><head><title>Story - Site</title></head><body><div class=\"a1\">"
                + "<div class=\"b2\"><a href=\"/1\">One link headline here</a> <a href=\"/2\">Another link headline</a>"
                + "</div><div class=\"c3\">" + P1 + "<br><br>" + P2 + "<br><br></div>"
                + "<div class=\"d4\"><a href=\"/3\">Most read one</a><br><a href=\"/4\">Most read two</a></div>"
                + "</div></body></html>";
        ExtractedPage page = HtmlExtractor.extract(html);
        assertThat(page.title()).isEqualTo("Story");
        assertThat(page.text()).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void takesTheDateFromJsonLdWhenMetaTagsAreMissing() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2024-05-21T10:30:00+02:00\"}</script></head><body><p>" + P1 + "</p></body></html>";
        assertThat(HtmlExtractor.extract(html).publishedAt()).isEqualTo(Instant.parse("2024-05-21T08:30:00Z"));
    }

    @Test
    void neverThrows() {
        assertThat(HtmlExtractor.extract(null).text()).isEmpty();
        assertThat(HtmlExtractor.extract("<<<>>>\u0000<p").text()).isNotNull();
        assertThat(HtmlExtractor.extract("<div>".repeat(5000) + "deep text").text()).isNotNull();
    }
}
