package dev.newsmon.core;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded generators of hostile input for the robustness properties: arbitrary UTF-16 (lone surrogates included),
 * arbitrary bytes, and structured garbage (JSON articles cut and mutated, tag soup, Arabic text with planted names
 * wrapped in clitics, marks and invisible characters). Each value depends only on the {@link Random} given.
 */
final class HostileText {

    /** Code points that break naive text code: marks, joiners, bidi controls, BOM, NUL, line separators. */
    private static final int[] TRICKY = {0x0000, 0x0009, 0x000A, 0x000D, 0x0085, 0x00A0, 0x00AD, 0x0640, 0x064B,
        0x0650, 0x0652, 0x0670, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066,
        0x2069, 0x3000, 0xFEFF, 0xFFFD, 0xFFFF, 0xFDFA, 0xFB50, 0xFEFB, 0x0301, 0x0130, 0x0131, 0x00DF, 0x1E9E,
        0x1F600, 0x10FFFF, 0x0661, 0x06F5, 0x00AB, 0x00BB, 0x201C};
    private static final String[] NAMES = {"طبرق", "فاغنر", "حفتر", "بنغازي", "Tobruk", "Wagner", "Haftar", "مصر",
        "طرابلس", "سرت"};
    private static final String[] CLITICS = {"", "و", "ف", "ب", "ل", "وب", "ال", "وال", "بال", "لل", "فل"};
    private static final String[] TAGS = {"div", "p", "span", "a", "script", "style", "article", "h1", "br", "table",
        "td", "li", "meta", "title", "noscript", "svg", "template", "iframe"};
    private static final String[] ENTITIES = {"&amp;", "&lt;", "&#0;", "&#xD800;", "&#1114112;", "&#x10FFFF;", "&nbsp;",
        "&bogus;", "&#x202E;", "&", "&#"};

    private HostileText() {
    }

    /** Any UTF-16 string: code points from everywhere, tricky ones often, lone surrogates sometimes. */
    static String anyUnicode(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length + 2);
        while (s.length() < length) {
            switch (r.nextInt(6)) {
                case 0 -> s.appendCodePoint(TRICKY[r.nextInt(TRICKY.length)]);
                case 1 -> s.append((char) (0xD800 + r.nextInt(0x800)));
                case 2 -> s.appendCodePoint(0x0600 + r.nextInt(0x100));
                case 3 -> s.appendCodePoint(r.nextInt(0x80));
                case 4 -> s.appendCodePoint(r.nextInt(0x10000));
                default -> s.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return s.toString();
    }

    static byte[] anyBytes(Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        r.nextBytes(b);
        return b;
    }

    /** Arabic and Latin words with tracked names planted, clitics glued on, marks and invisibles sprinkled. */
    static String newsLike(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (r.nextInt(6) == 0) {
                s.append(CLITICS[r.nextInt(CLITICS.length)]).append(NAMES[r.nextInt(NAMES.length)]);
            } else if (r.nextBoolean()) {
                for (int k = 2 + r.nextInt(5); k > 0; k--) {
                    s.append((char) (0x0621 + r.nextInt(0x064A - 0x0621 + 1)));
                }
            } else {
                for (int k = 2 + r.nextInt(7); k > 0; k--) {
                    s.append((char) ('a' + r.nextInt(26)));
                }
            }
            if (r.nextInt(8) == 0) {
                s.appendCodePoint(TRICKY[r.nextInt(TRICKY.length)]);
            }
            s.append(r.nextInt(12) == 0 ? "،\n" : r.nextInt(15) == 0 ? ". " : " ");
        }
        return s.toString();
    }

    /** A valid JSON article, then cut, bytes flipped, tokens spliced in, or wrapped, some of the time. */
    static byte[] mutatedArticle(Random r) {
        String json = "{\"id\":" + (r.nextBoolean() ? "\"id-" + r.nextInt(1000) + "\"" : Integer.toString(r.nextInt()))
                + ",\"url\":\"https://news.example/" + r.nextInt(100) + "?utm_source=x\",\"title\":"
                + quoted(newsLike(r, 4)) + ",\"" + (r.nextBoolean() ? "body" : "html") + "\":"
                + quoted(r.nextBoolean() ? newsLike(r, 30) : tagSoup(r, 30)) + ",\"publishedAt\":"
                + quoted(r.nextBoolean() ? "2024-04-0" + (1 + r.nextInt(9)) + "T10:00:00Z" : anyUnicode(r, 12)) + "}";
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(5)) {
            case 0 -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 1 -> {
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 2 -> {
                int at = r.nextInt(json.length());
                String splice = new String[] {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "1e999", "\\u0000",
                    "\\ud800", "{\"a\":[[[[["}[r.nextInt(13)];
                return (json.substring(0, at) + splice + json.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                return ("[" + json + "," + json + "]" + (r.nextBoolean() ? json : "")).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return b;
            }
        }
    }

    /** Unbalanced tags, entities, comments and text; sometimes nested hundreds deep. */
    static String tagSoup(Random r, int pieces) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(4) == 0) {
            int depth = 100 + r.nextInt(900);
            s.append("<div>".repeat(depth)).append(newsLike(r, 10)).append("</div>".repeat(r.nextInt(depth + 1)));
        }
        for (int i = 0; i < pieces; i++) {
            String tag = TAGS[r.nextInt(TAGS.length)];
            switch (r.nextInt(7)) {
                case 0 -> s.append('<').append(tag).append(r.nextBoolean() ? " class=\"content\">" : ">");
                case 1 -> s.append("</").append(tag).append('>');
                case 2 -> s.append(ENTITIES[r.nextInt(ENTITIES.length)]);
                case 3 -> s.append(r.nextBoolean() ? "<!-- " : "<![CDATA[").append(newsLike(r, 3));
                case 4 -> s.append(anyUnicode(r, 10));
                default -> s.append(newsLike(r, 1 + r.nextInt(8)));
            }
        }
        return s.toString();
    }

    private static String quoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
