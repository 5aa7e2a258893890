package dev.newsmon.core.dedup.devset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Other sites' page furniture around an article, written for the dev set: three HTML page layouts (semantic
 * markup; obfuscated div soup with a 40-headline ticker; an older table layout with comments and long related
 * teasers) and plain-text captures with header lines, tickers, share notices and footers.
 */
final class SiteChrome {

    private final List<String> headlinesAr;
    private final List<String> headlinesEn;

    SiteChrome(List<String> headlinesAr, List<String> headlinesEn) {
        this.headlinesAr = headlinesAr;
        this.headlinesEn = headlinesEn;
    }

    private List<String> headlines(boolean arabic, int n, Random rnd) {
        List<String> pool = arabic ? headlinesAr : headlinesEn;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pool.get(rnd.nextInt(pool.size())));
        }
        return out;
    }

    /** Site A: semantic layout, share bar and a "read also" box inside the article. */
    String htmlSiteA(DevArticle a, List<String> paragraphs, String url, Random rnd) {
        boolean ar = a.arabic();
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"").append(ar ? "ar" : "en").append("\"").append(ar ? " dir=\"rtl\"" : "")
                .append("><head><meta charset=\"utf-8\"><title>").append(esc(a.title())).append(ar ? " | بوابة الساحل"
                        : " | Coastline Daily").append("</title><link rel=\"canonical\" href=\"").append(url)
                .append("\"><meta property=\"og:site_name\" content=\"").append(ar ? "بوابة الساحل" : "Coastline Daily")
                .append("\"><script>window.dataLayer=[];</script></head><body>");
        b.append("<header class=\"site-header\"><a href=\"/\">").append(ar ? "بوابة الساحل" : "Coastline Daily")
                .append("</a><nav><ul>");
        for (String s : ar ? List.of("الرئيسية", "سياسة", "اقتصاد", "رياضة", "منوعات") : List.of("Home", "Politics",
                "Business", "Sport", "Culture")) {
            b.append("<li><a href=\"/s\">").append(s).append("</a></li>");
        }
        b.append("</ul></nav></header><main><article><h1>").append(esc(a.title())).append("</h1>");
        b.append("<div class=\"byline\">").append(ar ? "بقلم: فريق التحرير - " : "By staff writers - ")
                .append(a.publishedAt()).append("</div>");
        b.append("<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> <a href=\"#\">WhatsApp</a></div>");
        b.append("<div class=\"article-body\">");
        for (int i = 0; i < paragraphs.size(); i++) {
            b.append("<p>").append(esc(paragraphs.get(i))).append("</p>");
            if (i == 1) {
                b.append("<div class=\"read-also\"><strong>").append(ar ? "اقرأ أيضاً:" : "Read also:")
                        .append("</strong> <a href=\"/x\">").append(esc(headlines(ar, 1, rnd).get(0)))
                        .append("</a></div>");
            }
        }
        b.append("</div><div class=\"tags\"><a href=\"/t\">").append(ar ? "ليبيا" : "Libya").append("</a></div>");
        b.append("</article></main><footer><p>").append(ar ? "© 2024 بوابة الساحل. جميع الحقوق محفوظة."
                : "© 2024 Coastline Daily. All rights reserved.").append("</p></footer></body></html>");
        return b.toString();
    }

    /** Site B: obfuscated class names, a 40-headline ticker, text in divs split by br, "most read" teasers. */
    String htmlSiteB(DevArticle a, List<String> paragraphs, String url, Random rnd) {
        boolean ar = a.arabic();
        StringBuilder b = new StringBuilder();
        b.append("<html><head><title>").append(esc(a.title())).append("</title><meta property=\"og:title\" content=\"")
                .append(esc(a.title())).append("\"><meta property=\"og:url\" content=\"").append(url)
                .append("\"></head><body><div class=\"x9 k2\">");
        b.append("<div class=\"q1\">");
        for (String h : headlines(ar, 40, rnd)) {
            b.append("<a class=\"q2\" href=\"/n\">").append(esc(h)).append("</a> ");
        }
        b.append("</div><div class=\"z3\"><div class=\"z4\"><span class=\"z5\">")
                .append(ar ? "آخر تحديث: " : "Updated: ").append(a.publishedAt()).append("</span></div>");
        b.append("<div class=\"z6\">");
        for (int i = 0; i < paragraphs.size(); i++) {
            b.append(esc(paragraphs.get(i))).append("<br><br>");
            if (i == paragraphs.size() / 2) {
                b.append("<div class=\"r7\"><span>").append(ar ? "اقرأ أيضا" : "Read also").append("</span><a href=\"/r\">")
                        .append(esc(headlines(ar, 1, rnd).get(0))).append("</a></div>");
            }
        }
        b.append("</div></div><div class=\"m8\"><h3>").append(ar ? "الأكثر قراءة" : "Most read").append("</h3>");
        for (String h : headlines(ar, 5, rnd)) {
            b.append("<div class=\"m9\"><a href=\"/m\">").append(esc(h)).append("</a><p>")
                    .append(esc(h)).append(ar ? "، وتفاصيل أخرى ينشرها الموقع في تغطيته المستمرة للأحداث." :
                            ", with more details in our continuing coverage of the story.").append("</p></div>");
        }
        b.append("</div><div class=\"f1\">").append(ar ? "تابعونا على تلغرام" : "Follow us on Telegram")
                .append("</div></div></body></html>");
        return b.toString();
    }

    /** Site C: table layout, comments, long related teasers, cookie notice. */
    String htmlSiteC(DevArticle a, List<String> paragraphs, String url, Random rnd) {
        boolean ar = a.arabic();
        StringBuilder b = new StringBuilder();
        b.append("<html><head><meta name=\"date\" content=\"").append(a.publishedAt()).append("\"><title>")
                .append(ar ? "المرصد | " : "The Observer | ").append(esc(a.title())).append("</title></head><body>");
        b.append("<div id=\"cookie-banner\">").append(ar ? "نستخدم ملفات تعريف الارتباط لتحسين تجربتك." :
                "We use cookies to improve your experience.").append("</div>");
        b.append("<table width=\"100%\"><tr><td class=\"menu\">");
        for (String h : headlines(ar, 8, rnd)) {
            b.append("<a href=\"/c\">").append(esc(h)).append("</a><br>");
        }
        b.append("</td><td class=\"main-content\"><h1>").append(esc(a.title())).append("</h1>");
        for (String p : paragraphs) {
            b.append("<p>").append(esc(p)).append("</p>");
        }
        b.append("<p>").append(ar ? "شارك الخبر" : "Share this story").append("</p>");
        b.append("</td></tr></table><div class=\"related-stories\">");
        for (String h : headlines(ar, 4, rnd)) {
            b.append("<p><a href=\"/rel\">").append(esc(h)).append("</a> ").append(esc(h))
                    .append(ar ? "، في تقرير موسع يتناول الخلفيات والتداعيات المحتملة على المواطنين." :
                            ", in a longer report on the background and what it means for residents.")
                    .append("</p>");
        }
        b.append("</div><div class=\"comments\"><h3>").append(ar ? "التعليقات" : "Comments").append("</h3>");
        for (int i = 0; i < 3; i++) {
            b.append("<p>").append(ar ? "تعليق من قارئ: هذا الخبر مهم جدا، ونتمنى أن تتابعوا تفاصيله في الأيام القادمة، شكرا لكم."
                    : "Reader comment: this is important news, and I hope you keep following it in the coming days, thanks.")
                    .append("</p>");
        }
        b.append("</div><p class=\"copyright\">").append(ar ? "جميع الحقوق محفوظة © المرصد" :
                "Copyright © The Observer").append("</p></body></html>");
        return b.toString();
    }

    /**
     * A plain-text capture: strength 1 header and footer lines; 2 adds a one-line ticker on top and "read also"
     * lines inside; 3 adds a block of headline lines, share and weather lines, tags and a "click here" footer.
     */
    String text(DevArticle a, List<String> paragraphs, int strength, Random rnd) {
        boolean ar = a.arabic();
        List<String> lines = new ArrayList<>();
        if (strength >= 2) {
            lines.add(String.join("    ", headlines(ar, 40, rnd)));
            lines.add("");
        }
        if (strength >= 3) {
            lines.addAll(headlines(ar, 8, rnd));
            lines.add(ar ? "- ℃ 19 طرابلس" : "- 19 °C Tripoli");
        }
        lines.add(ar ? "شبكة المرصد الإخبارية" : "Observer News Network");
        lines.add(ar ? "الرئيسية > أخبار > ليبيا" : "Home > News > Libya");
        lines.add(a.title());
        lines.add(ar ? "نشر في المرصد يوم 17 - 04 - 2024" : "Published on April 17, 2024");
        if (strength >= 3) {
            lines.add(ar ? "- تم نسخ الرابط" : "- Link copied");
        }
        lines.add("");
        for (int i = 0; i < paragraphs.size(); i++) {
            lines.add(paragraphs.get(i));
            lines.add("");
            if (strength >= 2 && i == 1) {
                lines.add((ar ? "اقرأ أيضا: " : "Read also: ") + headlines(ar, 1, rnd).get(0));
                lines.add("");
            }
        }
        lines.add(ar ? "تابعونا على فيسبوك وتويتر" : "Follow us on Facebook and Twitter");
        lines.add(ar ? "جميع الحقوق محفوظة لشبكة المرصد 2024" : "© 2024 Observer News Network. All rights reserved.");
        if (strength >= 3) {
            lines.add(ar ? "كلمات مفتاحية" : "Tags");
            lines.add(ar ? "ليبيا سياسة اقتصاد" : "Libya politics economy");
            lines.addAll(headlines(ar, 3, rnd));
            lines.add(ar ? "انقر هنا لقراءة الخبر من مصدره." : "Click here to read the story at its source.");
        }
        return String.join("\n", lines);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
