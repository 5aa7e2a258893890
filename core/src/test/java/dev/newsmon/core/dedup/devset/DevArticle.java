package dev.newsmon.core.dedup.devset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hand-written dev-set text: a header of {@code key: value} lines, a blank line, then paragraphs separated
 * by blank lines. Keys used: id, url, publishedAt, title, kind, of, family, lang, variant (repeatable).
 */
record DevArticle(Map<String, String> header, List<String> variants, List<String> paragraphs) {

    String id() {
        return header.get("id");
    }

    String title() {
        return header.get("title");
    }

    String url() {
        return header.get("url");
    }

    String publishedAt() {
        return header.get("publishedAt");
    }

    String body() {
        return String.join("\n\n", paragraphs);
    }

    boolean arabic() {
        String t = title() == null ? body() : title();
        return t.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    static DevArticle load(String resource) {
        try (InputStream in = DevArticle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing dev-set resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DevArticle parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        Map<String, String> header = new LinkedHashMap<>();
        List<String> variants = new ArrayList<>();
        int i = 0;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            int colon = lines[i].indexOf(':');
            String key = lines[i].substring(0, colon).strip();
            String value = lines[i].substring(colon + 1).strip();
            if (key.equals("variant")) {
                variants.add(value);
            } else {
                header.put(key, value);
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                paragraphs.add(lines[i].strip());
            }
        }
        return new DevArticle(header, variants, paragraphs);
    }

    /** The article with {PLACEHOLDER}s of a template replaced from a "K=v; K2=v2" variant line. */
    DevArticle instantiate(String variant, String id) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : variant.split(";")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0].strip(), kv[1].strip());
        }
        Map<String, String> h = new LinkedHashMap<>(header);
        h.put("id", id);
        h.put("title", fill(title(), values));
        List<String> ps = new ArrayList<>();
        for (String p : paragraphs) {
            ps.add(fill(p, values));
        }
        return new DevArticle(h, List.of(), ps);
    }

    private static String fill(String s, Map<String, String> values) {
        String out = s;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
