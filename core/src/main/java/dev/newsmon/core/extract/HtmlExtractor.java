package dev.newsmon.core.extract;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the headline, main text and metadata of an HTML article page (jsoup). */
public final class HtmlExtractor {

    private HtmlExtractor() {
    }

    public static ExtractedPage extract(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg").remove();
        String title = firstNonBlank(meta(doc, "meta[property=og:title]"), textOf(doc.selectFirst("h1")), doc.title());
        Element body = doc.selectFirst("article");
        if (body == null) {
            body = doc.body();
        }
        StringBuilder text = new StringBuilder();
        for (Element block : body.select("p, h2, h3, li, blockquote")) {
            String t = block.text().strip();
            if (!t.isEmpty()) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(t);
            }
        }
        if (text.length() == 0) {
            text.append(body.wholeText().strip());
        }
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "meta[property=og:url]"));
        Instant published = Dates.parseLenient(firstNonBlank(meta(doc, "meta[property=article:published_time]"),
                attr(doc, "time[datetime]", "datetime"), meta(doc, "meta[name=date]")));
        String lang = doc.selectFirst("html") != null ? doc.selectFirst("html").attr("lang") : null;
        return new ExtractedPage(title, text.toString(), url, published, meta(doc, "meta[property=og:site_name]"),
                lang == null || lang.isBlank() ? null : lang);
    }

    private static String meta(Document doc, String css) {
        Element e = doc.selectFirst(css);
        return e == null ? null : e.attr("content");
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? null : e.attr(attr);
    }

    private static String textOf(Element e) {
        return e == null ? null : e.text();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
