package dev.newsmon.core.dedup.realworld;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second dedup dev set, written the way syndication looks in real outlets (kept apart from the first dev set,
 * which the code was tuned on). Each story file holds an original and the copies and hard negatives written
 * against it, as sections:
 *
 * <pre>
 * === &lt;class&gt; &lt;id&gt;
 * key: value            (of, from, at, url, title, format, prefix, drop-last, append, replace, spelling, digits)
 *
 * paragraph             (optional: a section with its own paragraphs does not start from another's text)
 * </pre>
 *
 * A section starts from the text, title and URL of {@code from} (default: the file's first section), applies its
 * edits, and is rendered in its {@code format}: {@code json} (a feed item), {@code text} (a page saved as text, in
 * another site's furniture), {@code html-ar} / {@code html-en} (another site's page), {@code amp} (the AMP copy).
 * Copies belong to the story of {@code of} (default: the section they start from); the hard-negative classes are
 * stories of their own.
 */
final class RealWorldSet {

    static final String ROOT = "/devset/dedup-realworld/";
    /** Classes that must stay separate from every other article of their file. */
    static final Set<String> NEGATIVE_CLASSES = Set.of("template", "key-fact-correction", "follow-up",
            "other-outlet");

    /** One article of the set, ready for the pipeline. */
    record Item(String id, String cls, String story, Instant time, InputFormat format, byte[] payload,
            String format2, String printedText) {

        /** True when the article reached the pipeline inside a page (another site's chrome, an AMP page). */
        boolean paged() {
            return !format2.equals("json");
        }
    }

    /** A section after its edits: what the outlet printed. */
    record Printed(String id, String url, String title, List<String> paragraphs) {
    }

    final List<Item> items = new ArrayList<>();
    private final RealWorldChrome chrome = new RealWorldChrome(lines(ROOT + "chrome/headlines-ar.txt"),
            lines(ROOT + "chrome/headlines-en.txt"));

    RealWorldSet() {
        for (String file : lines(ROOT + "stories/index.txt")) {
            loadStory(file);
        }
    }

    private void loadStory(String file) {
        String text = read(ROOT + "stories/" + file);
        Map<String, Printed> printed = new LinkedHashMap<>();
        Map<String, String> storyOf = new LinkedHashMap<>();
        String first = null;
        for (String raw : text.replace("\r\n", "\n").split("(?m)^=== ")) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String[] lines = raw.split("\n");
            String[] head = lines[0].strip().split("\\s+");
            String cls = head[0];
            String id = head[1];
            Map<String, List<String>> keys = new LinkedHashMap<>();
            List<String> paragraphs = new ArrayList<>();
            int i = 1;
            for (; i < lines.length && !lines[i].isBlank(); i++) {
                int colon = lines[i].indexOf(':');
                keys.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            for (; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    paragraphs.add(lines[i].strip());
                }
            }
            String from = one(keys, "from", first);
            Printed base = from == null ? null : printed.get(from);
            if (from != null && base == null) {
                throw new IllegalStateException(file + ": " + id + " starts from unknown " + from);
            }
            List<String> ps = new ArrayList<>(paragraphs.isEmpty() && base != null ? base.paragraphs() : paragraphs);
            for (String r : keys.getOrDefault("replace", List.of())) {
                String[] ab = r.split(" => ", 2);
                boolean found = false;
                for (int p = 0; p < ps.size(); p++) {
                    found |= ps.get(p).contains(ab[0]);
                    ps.set(p, ps.get(p).replace(ab[0], ab[1]));
                }
                if (!found) {
                    throw new IllegalStateException(file + ": " + id + " replaces missing text " + ab[0]);
                }
            }
            int drop = Integer.parseInt(one(keys, "drop-last", "0"));
            ps = new ArrayList<>(ps.subList(0, ps.size() - drop));
            ps.addAll(keys.getOrDefault("append", List.of()));
            String prefix = one(keys, "prefix", null);
            if (prefix != null) {
                ps.set(0, prefix + " " + ps.get(0));
            }
            String title = one(keys, "title", base == null ? null : base.title());
            if ("light".equals(one(keys, "spelling", null))) {
                ps.replaceAll(RealWorldSet::lightSpelling);
                title = lightSpelling(title);
            }
            if ("indic".equals(one(keys, "digits", null))) {
                ps.replaceAll(RealWorldSet::indicDigits);
            }
            String url = one(keys, "url", base == null ? null : base.url());
            Printed p = new Printed(id, url, title, ps);
            printed.put(id, p);
            boolean negative = NEGATIVE_CLASSES.contains(cls);
            String story = negative ? id : storyOf.getOrDefault(one(keys, "of", from == null ? id : from),
                    one(keys, "of", from == null ? id : from));
            storyOf.put(id, story);
            if (first == null) {
                first = id;
            }
            Instant time = Instant.parse(one(keys, "at", null));
            String format = one(keys, "format", "json");
            items.add(render(id, cls, story, time, format, p));
        }
    }

    private Item render(String id, String cls, String story, Instant time, String format, Printed p) {
        String text = String.join("\n\n", p.paragraphs());
        return switch (format) {
            case "json" -> new Item(id, cls, story, time, InputFormat.JSON, json(id, p, time, null), format, text);
            case "html-ar", "html-en" -> new Item(id, cls, story, time, InputFormat.JSON,
                    json(id, p, time, chrome.page(p, time, format.equals("html-ar"))), format, text);
            case "amp" -> new Item(id, cls, story, time, InputFormat.JSON, json(id, p, time, chrome.amp(p, time)), format,
                    text);
            case "text" -> new Item(id, cls, story, time, InputFormat.TEXT, utf8(chrome.textCapture(p, time)), format,
                    text);
            default -> throw new IllegalArgumentException("unknown format " + format + " in " + id);
        };
    }

    private static byte[] json(String id, Printed p, Instant time, String html) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("url", p.url());
        if (html == null) {
            o.put("title", p.title());
            o.put("body", String.join("\n\n", p.paragraphs()));
        } else {
            o.put("html", html);
        }
        o.put("publishedAt", time.toString());
        return Json.writeBytes(o);
    }

    /** How Egyptian and older Levantine sites write: فى, final ى for ي, ه for ة, bare alef for hamza seats. */
    static String lightSpelling(String s) {
        if (s == null) {
            return null;
        }
        return s.replaceAll("(?<![\\p{L}])في(?![\\p{L}])", "فى")
                .replaceAll("ي(?=[\\s.,،:؛]|$)", "ى")
                .replaceAll("ة(?=[\\s.,،:؛]|$)", "ه")
                .replace('أ', 'ا').replace('إ', 'ا');
    }

    static String indicDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('٠' + (c - '0')) : c);
        }
        return b.toString();
    }

    private static String one(Map<String, List<String>> keys, String key, String fallback) {
        List<String> v = keys.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String read(String resource) {
        try (InputStream in = RealWorldSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing dev-set resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String line : read(resource).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
