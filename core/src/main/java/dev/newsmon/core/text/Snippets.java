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
        return of(text).around(start, end);
    }

    /** Snippets of one text. */
    public static Source of(String text) {
        return new Source(text == null ? "" : text, null);
    }

    /**
     * Snippets of the original of a normalized buffer, using what normalization learnt about its white space:
     * a snippet without line breaks or runs of spaces is a plain substring. Valid until the buffer is reused.
     */
    public static Source of(NormalizedBuffer normalized) {
        return new Source(normalized.original(), normalized);
    }

    /** A text to cut snippets from, optionally with the white-space map its normalization recorded. */
    public static final class Source {
        private final String text;
        private final NormalizedBuffer spaces;

        private Source(String text, NormalizedBuffer spaces) {
            this.text = text;
            this.spaces = spaces;
        }

        /** Same result as {@link Snippets#around(String, int, int)} on this text. */
        public String around(int start, int end) {
            int length = text.length();
            if (length == 0) {
                return "";
            }
            int s = clamp(Math.min(start, end), length);
            int e = clamp(Math.max(start, end), length);
            int from = Math.max(0, s - CONTEXT_CHARS);
            int to = Math.min(length, e + CONTEXT_CHARS);
            while (from > 0 && from < s && !isSpace(text.charAt(from - 1))) {
                from++;
            }
            while (to < length && to > e && !isSpace(text.charAt(to))) {
                to--;
            }
            if (from > 0 && from < length && Character.isLowSurrogate(text.charAt(from))) {
                from--;
            }
            if (to < length && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
                to++;
            }
            int first = from;
            while (first < to && isSpace(text.charAt(first))) {
                first++;
            }
            int last = to;
            while (last > first && isSpace(text.charAt(last - 1))) {
                last--;
            }
            String core;
            if (first == last) {
                core = "";
            } else if (spaces != null) {
                core = spaces.collapsedOriginal(first, last);
            } else {
                char[] chars = new char[last - first];
                text.getChars(first, last, chars, 0);
                core = new String(chars, 0, collapse(chars, 0, chars.length, chars, 0));
            }
            return (from > 0 ? "… " : "") + core + (to < length ? " …" : "");
        }
    }

    /**
     * Copies in[from, to) to out at k with every white-space run written as one ' ' (a run at the end too);
     * returns the new end in out. In place (in == out, k == from) is allowed: the write never passes the read.
     */
    static int collapse(char[] in, int from, int to, char[] out, int k) {
        int at = k;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = in[i];
            if (isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out[at++] = ' ';
                    space = false;
                }
                out[at++] = c;
            }
        }
        if (space) {
            out[at++] = ' ';
        }
        return at;
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }

    /** White space as {@link Character#isWhitespace} or {@link Character#isSpaceChar} say, plus NEL, fast. */
    static boolean isSpace(char c) {
        return c < SPACE.length && SPACE[c];
    }

    private static final boolean[] SPACE = new boolean[0x3001];

    static {
        for (char c = 0; c < SPACE.length; c++) {
            SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
        }
    }
}
