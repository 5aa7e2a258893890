package dev.newsmon.core.dedup.realworld;

import dev.newsmon.core.dedup.realworld.RealWorldSet.Printed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Other outlets' page furniture, seen for the first time: a headline ticker of 20–40 unrelated items (with their
 * own places and figures), navigation, "read also" links inside and after the article, share and app-download
 * lines, copyright. Two HTML layouts (one with descriptive class names, one with generated ones that say
 * nothing), an AMP page, and plain-text captures. Which headlines, and which layout, follow from the article
 * id, so every run renders the same bytes.
 */
final class RealWorldChrome {

    private final List<String> headlinesAr;
    private final List<String> headlinesEn;

    RealWorldChrome(List<String> headlinesAr, List<String> headlinesEn) {
        this.headlinesAr = headlinesAr;
        this.headlinesEn = headlinesEn;
    }

    private static boolean arabic(Printed p) {
        return p.title().chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    private List<String> headlines(Printed p, int n, int offset) {
        List<String> pool = arabic(p) ? headlinesAr : headlinesEn;
        int start = Math.floorMod(p.id().hashCode() * 31 + offset, pool.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pool.get((start + i * 7) % pool.size()));
        }
        return out;
    }

    private int tickerSize(Printed p) {
        return 20 + Math.floorMod(p.id().hashCode(), 21);
    }

    String page(Printed p, Instant time, boolean arabicSite) {
        int layout = Math.floorMod(p.id().hashCode(), 3);
        if (layout == 2) {
            return inlinePage(p, time, arabicSite);
        }
        boolean generatedClasses = layout == 1;
        String site = arabicSite ? "بوابة المتوسط الإخبارية" : "Mediterranean Wire";
        List<String> ticker = headlines(p, tickerSize(p), 0);
        List<String> related = headlines(p, 6, 11);
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"").append(arabicSite ? "ar\" dir=\"rtl" : "en").append("\"><head>")
                .append("<meta charset=\"utf-8\"><title>").append(esc(p.title())).append(" - ").append(site)
                .append("</title><meta property=\"og:title\" content=\"").append(esc(p.title())).append("\">")
                .append("<meta property=\"og:site_name\" content=\"").append(site).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(time).append("\">")
                .append("<link rel=\"canonical\" href=\"").append(p.url()).append("\"></head><body>");
        b.append("<div class=\"").append(generatedClasses ? "c7f2a" : "top-bar").append("\"><div class=\"")
                .append(generatedClasses ? "x1" : "date").append("\">").append(arabicSite ? "الأحد 2 مارس 2025"
                        : "Sunday, March 2, 2025").append("</div>");
        b.append("<div class=\"").append(generatedClasses ? "k93" : "menu").append("\">");
        for (String s : arabicSite ? List.of("الرئيسية", "أخبار ليبيا", "عربي ودولي", "اقتصاد", "رياضة", "منوعات",
                "فيديو") : List.of("Home", "Libya", "World", "Business", "Sport", "Opinion", "Video")) {
            b.append("<a href=\"/c/").append(s.length()).append("\">").append(s).append("</a> ");
        }
        b.append("</div></div>");
        // The ticker: many short linked headlines in a row, each with its own places and figures.
        b.append("<div class=\"").append(generatedClasses ? "q8z" : "news-strip").append("\"><b>")
                .append(arabicSite ? "عاجل" : "Latest").append("</b>");
        for (String h : ticker) {
            b.append("<span><a href=\"/n/").append(Math.floorMod(h.hashCode(), 99999)).append("\">").append(esc(h))
                    .append("</a></span>");
        }
        b.append("</div><div class=\"").append(generatedClasses ? "r2d2" : "container").append("\"><div class=\"")
                .append(generatedClasses ? "m4" : "post").append("\"><h1>").append(esc(p.title())).append("</h1>");
        b.append("<div class=\"").append(generatedClasses ? "m5" : "meta").append("\">")
                .append(arabicSite ? "المحرر | " : "Staff | ").append(time.toString(), 0, 10).append("</div>");
        b.append("<div class=\"").append(generatedClasses ? "m6" : "share").append("\">")
                .append(arabicSite ? "شارك: " : "Share: ")
                .append("<a href=\"#f\">Facebook</a> <a href=\"#t\">X</a> <a href=\"#w\">WhatsApp</a></div>");
        b.append("<div class=\"").append(generatedClasses ? "m7" : "entry").append("\">");
        List<String> ps = p.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            b.append("<p>").append(esc(ps.get(i))).append("</p>");
            if (i == Math.min(1, ps.size() - 1) && ps.size() > 2) {
                b.append("<p><strong>").append(arabicSite ? "اقرأ أيضا: " : "Read also: ").append("</strong><a href=\"/n/1\">")
                        .append(esc(related.get(0))).append("</a></p>");
            }
        }
        b.append("</div><div class=\"").append(generatedClasses ? "m8" : "app-promo").append("\"><p>")
                .append(arabicSite ? "حمّل تطبيق بوابة المتوسط على هاتفك من متجر جوجل بلاي وآب ستور"
                        : "Get the Mediterranean Wire app on Google Play and the App Store").append("</p></div>");
        b.append("<div class=\"").append(generatedClasses ? "m9" : "related").append("\"><h3>")
                .append(arabicSite ? "اقرأ أيضا" : "Read also").append("</h3><ul>");
        for (String h : related.subList(1, related.size())) {
            b.append("<li><a href=\"/n/").append(Math.floorMod(h.hashCode(), 99999)).append("\">").append(esc(h))
                    .append("</a></li>");
        }
        b.append("</ul></div></div></div><div class=\"").append(generatedClasses ? "z0" : "site-footer").append("\"><p>")
                .append(arabicSite ? "جميع الحقوق محفوظة © 2025 بوابة المتوسط" : "© 2025 Mediterranean Wire. All rights reserved.")
                .append("</p></div></body></html>");
        return b.toString();
    }

    /**
     * An older layout: everything in one container, the breaking-news bar as plain text (no links) split by
     * arrows, the "read also" links under a bare heading, share and app lines as text.
     */
    private String inlinePage(Printed p, Instant time, boolean arabicSite) {
        List<String> ticker = headlines(p, tickerSize(p), 5);
        List<String> related = headlines(p, 5, 13);
        StringBuilder b = new StringBuilder();
        b.append("<html><head><meta charset=\"utf-8\"><title>").append(esc(p.title())).append("</title></head><body>")
                .append("<div class=\"w1\"><div class=\"w2\"><div class=\"w3\">")
                .append(arabicSite ? "عاجل: " : "Breaking: ").append(esc(String.join(" ◄ ", ticker))).append("</div>")
                .append("<h1>").append(esc(p.title())).append("</h1><div class=\"w4\">").append(time.toString(), 0, 10)
                .append("</div>");
        for (String para : p.paragraphs()) {
            b.append("<p>").append(esc(para)).append("</p>");
        }
        b.append("<div class=\"w5\">").append(arabicSite ? "اقرأ أيضا" : "Read also").append("</div><div class=\"w6\">");
        for (String h : related) {
            b.append("<a href=\"/n/").append(Math.floorMod(h.hashCode(), 99999)).append("\">").append(esc(h))
                    .append("</a><br>");
        }
        b.append("</div><div class=\"w7\">").append(arabicSite ? "شارك عبر: فيسبوك | تويتر | واتساب"
                : "Share via: Facebook | X | WhatsApp").append("</div><div class=\"w8\">")
                .append(arabicSite ? "حمل تطبيقنا لمتابعة آخر الأخبار لحظة بلحظة" : "Download our app for the latest news")
                .append("</div></div></div></body></html>");
        return b.toString();
    }

    String amp(Printed p, Instant time) {
        boolean ar = arabic(p);
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html amp lang=\"").append(ar ? "ar" : "en").append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(p.title())).append("</title><link rel=\"canonical\" href=\"")
                .append(p.url().replaceAll("/amp$", "")).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(time).append("\">")
                .append("<style amp-custom>body{font-family:sans-serif}</style></head><body>")
                .append("<header><a href=\"/\">").append(ar ? "القائمة" : "Menu").append("</a></header><article><h1>")
                .append(esc(p.title())).append("</h1>");
        for (String para : p.paragraphs()) {
            b.append("<p>").append(esc(para)).append("</p>");
        }
        b.append("</article><footer><a href=\"").append(p.url().replaceAll("/amp$", "")).append("\">")
                .append(ar ? "عرض النسخة الكاملة" : "View full version").append("</a></footer></body></html>");
        return b.toString();
    }

    /**
     * A page saved as text: header lines, a ticker (one wide-spaced line, or one headline a line with or without
     * blank lines between), the article.
     */
    String textCapture(Printed p, Instant time) {
        boolean ar = arabic(p);
        List<String> ticker = headlines(p, tickerSize(p), 3);
        List<String> related = headlines(p, 6, 17);
        int layout = Math.floorMod(p.id().hashCode(), 3);
        StringBuilder b = new StringBuilder();
        b.append(ar ? "صحيفة الرأي الليبية" : "The Sahel Monitor").append('\n');
        b.append(ar ? "الرئيسية | محلي | دولي | اقتصاد | رياضة | رأي" : "Home | Africa | World | Economy | Sport")
                .append('\n');
        if (layout == 0) {
            b.append(String.join("    ", ticker)).append('\n');
        } else {
            // One headline a line; pages copied from a browser often leave a blank line between the items.
            for (String h : ticker) {
                b.append(h).append('\n').append(layout == 2 ? "\n" : "");
            }
        }
        b.append('\n').append(p.title()).append('\n');
        b.append(ar ? "نشر في " : "Published ").append(time.toString(), 0, 10).append('\n');
        b.append(ar ? "شارك الخبر" : "Share this article").append('\n').append('\n');
        List<String> ps = p.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            b.append(ps.get(i)).append('\n').append('\n');
            if (i == 0 && ps.size() > 2) {
                b.append(ar ? "اقرأ أيضا: " : "Read also: ").append(related.get(0)).append('\n').append('\n');
            }
        }
        b.append(ar ? "حمل تطبيق الرأي على هاتفك المحمول" : "Download our app for breaking news").append('\n');
        b.append(ar ? "الأكثر قراءة" : "Most read").append('\n');
        for (String h : related.subList(1, related.size())) {
            b.append(h).append('\n');
        }
        b.append(ar ? "© 2025 صحيفة الرأي. جميع الحقوق محفوظة" : "© 2025 The Sahel Monitor. All rights reserved.")
                .append('\n');
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
