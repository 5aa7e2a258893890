package dev.newsmon.core.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Reads the headline, main text and metadata of an HTML article page (jsoup), readability-style, so that a
 * site's header, navigation, tickers, share buttons, "read also" boxes, related-story lists, comments and footer
 * never reach the main text. Never throws: an unreadable page gives an empty text.
 *
 * <ol>
 *   <li>Metadata first: title (og:title, else the article's h1, else {@code <title>} without the site suffix),
 *       canonical URL, publication time (meta tags, JSON-LD, {@code <time>}), site name, language.</li>
 *   <li>Chrome removed: scripts, forms, nav/header/footer/aside, hidden elements, ARIA landmarks other than
 *       main/article, and elements whose class or id says share, related, comment, ticker, sidebar, … unless it
 *       also says article/content/body/main.</li>
 *   <li>Scoring as in Arc90 Readability: every paragraph of 25+ characters gives its parent 1 + commas +
 *       length/100 (≤ 3) points and its grandparent half of that; containers start from a tag weight plus ±25
 *       for class/id hints; the score is scaled by (1 − link density). The best container wins, with those of
 *       its siblings that score at least a fifth of it or are plain prose paragraphs.</li>
 *   <li>Paragraphs of the winner are emitted in order; link lists, and lines the static rules know as
 *       furniture ({@link BoilerplateLines}), are dropped.</li>
 * </ol>
 */
public final class HtmlExtractor {

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ad-break|agegate|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|extra|footer|gdpr"
                    + "|header|legends|menu|modal|navbar|newsletter|pager|pagination|popup|promo|related|remark"
                    + "|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental"
                    + "|ticker|marquee|breaking|latest|most-read|mostread|popular|read-also|readalso|read-more"
                    + "|readmore|more-news|tags|toolbar|widget|author-box|byline|dateline|caption|trending",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile("and|article|body|column|content|main|shadow|story"
            + "|entry|post|text", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|detail|news-body",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead"
                    + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping"
                    + "|tags|tool|widget|ticker|latest|popular|most|trending|nav|menu",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol",
            "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "dl", "dd",
            "dt", "figure", "header", "footer", "aside", "nav", "center", "hr", "address", "details", "summary");
    private static final Set<String> HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");
    private static final int MIN_PARAGRAPH = 25;

    private HtmlExtractor() {
    }

    public static ExtractedPage extract(String html) {
        if (html == null || html.isBlank()) {
            return new ExtractedPage(null, "", null, null, null, null);
        }
        try {
            return extractDocument(Jsoup.parse(html));
        } catch (RuntimeException | StackOverflowError e) {
            return new ExtractedPage(null, "", null, null, null, null);
        }
    }

    private static ExtractedPage extractDocument(Document doc) {
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "meta[property=og:url]"));
        Instant published = published(doc);
        String siteName = firstNonBlank(meta(doc, "meta[property=og:site_name]"),
                meta(doc, "meta[name=application-name]"));
        Element htmlTag = doc.selectFirst("html");
        String lang = firstNonBlank(htmlTag == null ? null : htmlTag.attr("lang"),
                meta(doc, "meta[http-equiv=content-language]"));
        String docTitle = doc.title();
        String ogTitle = firstNonBlank(meta(doc, "meta[property=og:title]"), meta(doc, "meta[name=twitter:title]"));
        Element articleH1 = doc.selectFirst("article h1, main h1, h1[itemprop=headline]");
        String h1 = articleH1 == null ? null : articleH1.text();
        removeChrome(doc);
        if (h1 == null) {
            Element first = doc.selectFirst("h1");
            h1 = first == null ? null : first.text();
        }
        // The headline is the title, never main text: copies that differ only in where they put it stay alike.
        doc.select("h1").remove();
        String title = firstNonBlank(ogTitle, h1, withoutSiteSuffix(docTitle));
        String text = mainText(doc, title);
        return new ExtractedPage(title, text, url, published, siteName, lang);
    }

    private static Instant published(Document doc) {
        for (String css : new String[] {"meta[property=article:published_time]", "meta[itemprop=datePublished]",
            "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=date]", "meta[name=dc.date]",
            "meta[name=DC.date.issued]", "meta[name=parsely-pub-date]", "meta[name=sailthru.date]"}) {
            Instant t = Dates.parseLenient(meta(doc, css));
            if (t != null) {
                return t;
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find()) {
                Instant t = Dates.parseLenient(m.group(1));
                if (t != null) {
                    return t;
                }
            }
        }
        return Dates.parseLenient(firstNonBlank(attr(doc, "time[itemprop=datePublished]", "datetime"),
                attr(doc, "time[datetime]", "datetime")));
    }

    private static void removeChrome(Document doc) {
        doc.select("script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, input, "
                + "select, textarea, nav, footer, aside, header, figcaption, [hidden], [aria-hidden=true], "
                + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], "
                + "[role=alert], [style~=display:\\s*none], [style~=visibility:\\s*hidden]").remove();
        List<Element> unlikely = new ArrayList<>();
        for (Element e : doc.body() == null ? new Elements() : doc.body().getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("a")) {
                continue;
            }
            String hints = e.className() + " " + e.id();
            if (hints.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(hints).find() && !MAYBE_CANDIDATE.matcher(hints).find()) {
                unlikely.add(e);
            }
        }
        for (Element e : unlikely) {
            e.remove();
        }
    }

    private static String mainText(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("p") || tag.equals("pre") || tag.equals("blockquote") || tag.equals("td")) {
                addScore(scores, e.parent(), e.text());
            } else if (tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("main")) {
                // Text written straight into a container (div soup, paragraphs split by <br>): each run of it is
                // a paragraph of that container, as Readability does when it turns such runs into <p>.
                for (String run : directTextRuns(e)) {
                    addScore(scores, e, run);
                }
            }
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            if (top == null || s > best || s == best && e.getKey().siblingIndex() < top.siblingIndex()) {
                top = e.getKey();
                best = s;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        if (top == null) {
            collect(body, paragraphs);
        } else {
            Element parent = top.parent();
            double threshold = Math.max(10, best * 0.2);
            for (Element sibling : parent == null ? List.of(top) : parent.children()) {
                if (sibling == top || isGoodSibling(sibling, scores, threshold)) {
                    collect(sibling, paragraphs);
                }
            }
        }
        return join(paragraphs, title);
    }

    private static boolean isGoodSibling(Element sibling, Map<Element, Double> scores, double threshold) {
        Double score = scores.get(sibling);
        if (score != null && score * (1 - linkDensity(sibling)) >= threshold) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        String text = sibling.text();
        double links = linkDensity(sibling);
        return text.length() > 80 && links < 0.25
                || text.length() > 0 && links == 0 && text.matches("(?s).*[.!?؟]\\s*$");
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String hints = e.className() + " " + e.id();
        if (NEGATIVE.matcher(hints).find()) {
            score -= 25;
        }
        if (POSITIVE.matcher(hints).find()) {
            score += 25;
        }
        if (e.normalName().equals("article") || e.normalName().equals("main")) {
            score += 10;
        }
        return score;
    }

    /** Credits a paragraph's points to its container (full), the next one up (half) and the one above (a sixth). */
    private static void addScore(Map<Element, Double> scores, Element container, String text) {
        String t = text.strip();
        if (t.length() < MIN_PARAGRAPH || container == null) {
            return;
        }
        double score = 1 + commas(t) + Math.min(3, t.length() / 100);
        Element target = container;
        for (int level = 0; target != null && level < 3; level++, target = target.parent()) {
            double add = score / (level == 0 ? 1 : level == 1 ? 2 : 6);
            Element key = target;
            scores.merge(key, initialScore(key) + add, (old, extra) -> old + add);
        }
    }

    /** The runs of inline text directly inside a container, split at {@code <br>} and child blocks. */
    private static List<String> directTextRuns(Element e) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                run.append(t.text());
            } else if (child instanceof Element c && !BLOCKS.contains(c.normalName()) && !c.normalName().equals("br")) {
                if (!c.normalName().equals("a")) {
                    run.append(c.text());
                }
            } else {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        runs.add(run.toString());
        return runs;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1.0, links / (double) total);
    }

    /**
     * Emits the paragraphs under {@code root} in document order: each block element's own inline text is one
     * paragraph, a {@code <br>} splits one, and a paragraph that is mostly link text is dropped.
     */
    private static void collect(Element root, List<String> out) {
        ParagraphBuffer buffer = new ParagraphBuffer(out);
        walk(root, buffer, false);
        buffer.flush();
    }

    private static void walk(Node node, ParagraphBuffer buffer, boolean inLink) {
        if (node instanceof TextNode t) {
            buffer.append(t.getWholeText(), inLink);
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (tag.equals("br")) {
            buffer.flush();
            return;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
            buffer.flush();
        }
        boolean link = inLink || tag.equals("a");
        for (Node child : e.childNodes()) {
            walk(child, buffer, link);
        }
        if (block) {
            buffer.flushAs(HEADINGS.contains(tag));
        }
    }

    private static final class ParagraphBuffer {
        private final List<String> out;
        private final StringBuilder text = new StringBuilder();
        private int linkChars;

        ParagraphBuffer(List<String> out) {
            this.out = out;
        }

        void append(String s, boolean inLink) {
            text.append(s);
            if (inLink) {
                linkChars += s.strip().length();
            }
        }

        void flush() {
            flushAs(false);
        }

        void flushAs(boolean heading) {
            String p = BoilerplateLines.strip(text.toString().replaceAll("[\\s\\u00A0]+", " "));
            int links = linkChars;
            text.setLength(0);
            linkChars = 0;
            if (p.isEmpty()) {
                return;
            }
            if (links > 0.5 * p.length()) {
                return;
            }
            out.add(p);
        }
    }

    /** Paragraphs joined by blank lines, without furniture lines, repeats in a row, or the headline itself. */
    private static String join(List<String> paragraphs, String title) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        boolean afterReadAlso = false;
        for (String p : paragraphs) {
            BoilerplateLines.Kind kind = BoilerplateLines.classify(p);
            boolean tickerLike = BoilerplateLines.isTickerLine(p);
            if (kind != BoilerplateLines.Kind.NONE || tickerLike || p.equals(previous)
                    || title != null && p.equals(title)) {
                afterReadAlso = kind == BoilerplateLines.Kind.READ_ALSO && p.split("\\s+").length <= 3;
                continue;
            }
            if (afterReadAlso && BoilerplateLines.isHeadlineLike(p)) {
                continue;
            }
            afterReadAlso = false;
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(p);
            previous = p;
        }
        return text.toString();
    }

    private static String withoutSiteSuffix(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String[] parts = title.split("\\s+[|–—-]\\s+|\\s+::\\s+");
        String longest = parts[0];
        for (String p : parts) {
            if (p.strip().length() > longest.strip().length()) {
                longest = p;
            }
        }
        return longest.strip();
    }

    private static String meta(Document doc, String css) {
        Element e = doc.selectFirst(css);
        return e == null ? null : e.attr("content");
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? null : e.attr(attr);
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
