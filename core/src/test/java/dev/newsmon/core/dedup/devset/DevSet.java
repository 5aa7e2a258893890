package dev.newsmon.core.dedup.devset;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.DedupMethod;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.tagging.EntityTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The labeled dedup dev set: hand-written base articles (Arabic and English) with every syndication
 * transformation applied at three strengths, generated deterministically (one fixed seed per case), plus the
 * hand-written hard negatives (same event from another outlet, follow-up stories, templated briefs that differ in
 * one place or figure) and different stories wrapped in the same site's furniture.
 */
final class DevSet {

    static final String ROOT = "/devset/dedup/";
    static final List<String> BASE_IDS = List.of("ar-01", "ar-02", "ar-03", "ar-04", "ar-05", "ar-06", "ar-07", "ar-08",
            "ar-09", "ar-10", "ar-11", "ar-12", "ar-13", "ar-14", "en-01", "en-02", "en-03", "en-04", "en-05", "en-06",
            "en-07", "en-08", "en-09");
    static final List<String> NEGATIVE_FILES = List.of("same-event-ar-01", "same-event-ar-02", "same-event-ar-06",
            "same-event-ar-10", "same-event-en-01", "same-event-en-04", "followup-ar-03", "followup-en-02");
    static final List<String> TEMPLATE_FILES = List.of("templated-ar-mine", "templated-ar-dollar",
            "templated-en-flights", "templated-en-heat");
    static final List<String> TYPES = List.of("html-syndication", "text-syndication", "diacritics", "word-edits",
            "reorder", "truncate", "recrawl-url", "combined");

    /** One input for the pipeline. */
    record Input(String label, InputFormat format, byte[] payload) {
    }

    /** A copy that must be found as a duplicate of {@code original} (with {@code method}, when not null). */
    record Positive(String type, int strength, String original, DedupMethod method, Input input) {
    }

    /** An article that must be judged unique; {@code kind} names the hard-negative family. */
    record Negative(String kind, String label, Input input, Instant time) {
    }

    final Map<String, DevArticle> bases = new LinkedHashMap<>();
    final List<DevArticle> negatives = new ArrayList<>();
    final List<DevArticle> templates = new ArrayList<>();
    final SiteChrome chrome;

    DevSet() {
        for (String id : BASE_IDS) {
            bases.put(id, DevArticle.load(ROOT + "base/" + id + ".txt"));
        }
        for (String f : NEGATIVE_FILES) {
            negatives.add(DevArticle.load(ROOT + "negatives/" + f + ".txt"));
        }
        for (String f : TEMPLATE_FILES) {
            templates.add(DevArticle.load(ROOT + "negatives/" + f + ".txt"));
        }
        chrome = new SiteChrome(lines(ROOT + "pool/headlines-ar.txt"), lines(ROOT + "pool/headlines-en.txt"));
    }

    /** The originals as their outlet published them: JSON with id, url, title, body and publishedAt. */
    Input original(DevArticle a) {
        return json(a.id(), a.id(), a.url(), a.title(), a.paragraphs(), a.publishedAt());
    }

    /** Same-event stories, follow-ups and every templated brief, in publication order of their families. */
    List<Negative> hardNegatives() {
        List<Negative> out = new ArrayList<>();
        for (DevArticle n : negatives) {
            out.add(new Negative(n.header().get("kind"), n.id(), original(n), Instant.parse(n.publishedAt())));
        }
        int family = 0;
        for (DevArticle t : templates) {
            Instant base = Instant.parse("2024-09-01T08:00:00Z").plus(Duration.ofDays(family++));
            for (int k = 0; k < t.variants().size(); k++) {
                String id = t.header().get("family") + "-" + (k + 1);
                DevArticle brief = t.instantiate(t.variants().get(k), id);
                Instant time = base.plus(Duration.ofHours(k));
                out.add(new Negative("templated", id + " (" + t.variants().get(k) + ")",
                        json(id, id, "https://briefs.example/" + id, brief.title(), brief.paragraphs(),
                                time.toString()), time));
            }
        }
        return out;
    }

    /** Different stories wrapped in one site's furniture: {@code text} selects the plain-text capture. */
    List<Input> sameSiteStories(boolean text) {
        List<Input> out = new ArrayList<>();
        for (DevArticle a : bases.values()) {
            Random rnd = new Random(seed("same-site", a.id(), text ? 1 : 0));
            String label = "same-site:" + a.id();
            out.add(text ? new Input(label, InputFormat.TEXT, utf8(chrome.text(a, a.paragraphs(), 3, rnd)))
                    : new Input(label, InputFormat.HTML, utf8(chrome.htmlSiteB(a, a.paragraphs(),
                            "https://same-site.example/" + a.id(), rnd))));
        }
        return out;
    }

    List<Positive> positives() {
        List<Positive> out = new ArrayList<>();
        for (DevArticle a : bases.values()) {
            for (String type : TYPES) {
                for (int s = 1; s <= 3; s++) {
                    out.add(positive(a, type, s, new Random(seed(type, a.id(), s))));
                }
            }
        }
        return out;
    }

    Positive positive(DevArticle a, String type, int s, Random rnd) {
        String label = a.id() + "~" + type + "-" + s;
        String copyUrl = "https://copy" + s + ".example/" + type + "/" + a.id();
        List<String> ps = a.paragraphs();
        boolean ar = a.arabic();
        return switch (type) {
            case "html-syndication" -> new Positive(type, s, a.id(), null, html(label, a, ps, copyUrl, s, rnd));
            case "text-syndication" -> new Positive(type, s, a.id(), null,
                    new Input(label, InputFormat.TEXT, utf8(chrome.text(a, ps, s, rnd))));
            case "diacritics" -> new Positive(type, s, a.id(), DedupMethod.CONTENT, json(label, null, copyUrl,
                    a.title(), List.of(Transforms.diacritics(a.body(), s, rnd)), a.publishedAt()));
            case "word-edits" -> new Positive(type, s, a.id(), null, json(label, null, copyUrl, a.title(),
                    Transforms.wordEdits(ps, s, ar, protectedWords(a), rnd), a.publishedAt()));
            case "reorder" -> new Positive(type, s, a.id(), null, json(label, null, copyUrl, a.title(),
                    Transforms.reorder(ps, s, rnd), a.publishedAt()));
            case "truncate" -> new Positive(type, s, a.id(), DedupMethod.NEAR, json(label, null, copyUrl, a.title(),
                    Transforms.truncate(ps, s == 1 ? 0.75 : s == 2 ? 0.5 : 0.4), a.publishedAt()));
            case "recrawl-url" -> new Positive(type, s, a.id(), DedupMethod.URL, recrawl(label, a, s));
            case "combined" -> new Positive(type, s, a.id(), null, combined(label, a, copyUrl, s, rnd));
            default -> throw new IllegalArgumentException(type);
        };
    }

    private Input html(String label, DevArticle a, List<String> ps, String url, int s, Random rnd) {
        String page = switch (s) {
            case 1 -> chrome.htmlSiteA(a, ps, url, rnd);
            case 2 -> chrome.htmlSiteB(a, ps, url, rnd);
            default -> chrome.htmlSiteC(a, ps, url, rnd);
        };
        return new Input(label, InputFormat.HTML, utf8(page));
    }

    /** The same page fetched again: URL variants, an "updated" title, and at strength 3 one added sentence. */
    private Input recrawl(String label, DevArticle a, int s) {
        String url = a.url();
        String variant = switch (s) {
            case 1 -> url + "?utm_source=twitter&utm_medium=social&utm_campaign=share";
            case 2 -> url.replace("https://www.", "https://").replace("https://", "https://www.") + "/amp#comments";
            default -> url.replace("https://", "http://") + "/?fbclid=IwAR0abc&ref=rss";
        };
        String title = (a.arabic() ? "تحديث: " : "Updated: ") + a.title();
        List<String> ps = new ArrayList<>(a.paragraphs());
        if (s == 3) {
            ps.add(a.arabic() ? "وقد حدثت هذه القصة بمعلومات إضافية." : "This story has been updated with more details.");
        }
        return json(label, null, variant, title, ps, a.publishedAt());
    }

    private Input combined(String label, DevArticle a, String url, int s, Random rnd) {
        boolean ar = a.arabic();
        return switch (s) {
            case 1 -> html(label, a, Transforms.wordEdits(a.paragraphs(), 2, ar, protectedWords(a), rnd), url, 1, rnd);
            case 2 -> new Input(label, InputFormat.TEXT, utf8(chrome.text(a,
                    Transforms.truncate(a.paragraphs(), 0.6), 2, rnd)));
            default -> {
                List<String> ps = Transforms.wordEdits(Transforms.reorder(a.paragraphs(), 1, rnd), 2, ar,
                        protectedWords(a), rnd);
                List<String> marked = new ArrayList<>();
                for (String p : ps) {
                    marked.add(Transforms.diacritics(p, 2, rnd));
                }
                yield html(label, a, marked, url, 2, rnd);
            }
        };
    }

    /** Words inside the tagger's entity mentions: an editor keeps names as they are. */
    static Set<String> protectedWords(DevArticle a) {
        Set<String> out = new HashSet<>();
        String body = a.body();
        for (EntityMention m : EntityTagger.builtIn().tag(a.title(), body)) {
            for (Span s : m.offsets()) {
                if (Span.TEXT.equals(s.field())) {
                    for (String w : body.substring(s.start(), s.end()).split("\\s+")) {
                        out.add(Transforms.strip(w));
                    }
                }
            }
        }
        return out;
    }

    static Input json(String label, String id, String url, String title, List<String> paragraphs,
            String publishedAt) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (id != null) {
            o.put("id", id);
        }
        o.put("url", url);
        o.put("title", title);
        o.put("body", String.join("\n\n", paragraphs));
        o.put("publishedAt", publishedAt);
        return new Input(label, InputFormat.JSON, Json.writeBytes(o));
    }

    static long seed(String type, String id, int strength) {
        return (type + "|" + id + "|" + strength).hashCode() * 0x9E3779B97F4A7C15L;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> lines(String resource) {
        try (InputStream in = DevSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing dev-set resource " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
