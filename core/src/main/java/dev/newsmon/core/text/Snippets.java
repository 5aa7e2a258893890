package dev.newsmon.core.text;

/** Short excerpts of original text around a mention, cut at word boundaries. */
public final class Snippets {

    public static final int CONTEXT_CHARS = 90;

    private Snippets() {
    }

    /** The original text around [start, end), about {@link #CONTEXT_CHARS} chars each side, one line. */
    public static String around(String text, int start, int end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        if (Character.isLowSurrogate(text.charAt(from)) && from > 0) {
            from--;
        }
        String core = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "… " : "") + core + (to < text.length() ? " …" : "");
    }
}
