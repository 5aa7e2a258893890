package dev.newsmon.core.text;

/** Short excerpts of original text around a mention, cut at word boundaries, on one line. */
public final class Snippets {

    public static final int CONTEXT_CHARS = 90;

    private Snippets() {
    }

    /**
     * The original text around [start, end), about {@link #CONTEXT_CHARS} chars each side, cut at white space,
     * with every run of white space (line breaks included) shown as one space, and "…" where text was cut.
     * Out-of-range offsets are clamped; never throws.
     */
    public static String around(String text, int start, int end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int s = clamp(Math.min(start, end), text.length());
        int e = clamp(Math.max(start, end), text.length());
        int from = Math.max(0, s - CONTEXT_CHARS);
        int to = Math.min(text.length(), e + CONTEXT_CHARS);
        while (from > 0 && from < s && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > e && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to++;
        }
        String core = collapseWhiteSpace(text, from, to);
        return (from > 0 ? "… " : "") + core + (to < text.length() ? " …" : "");
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }

    private static String collapseWhiteSpace(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
