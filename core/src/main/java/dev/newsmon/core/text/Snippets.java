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
        return new Source(text, false, null).around(start, end);
    }

    /** Snippets of one text: prepares the text once, then each snippet is a substring. */
    public static Source of(String text) {
        return new Source(text == null ? "" : text, true, null);
    }

    /**
     * Snippets of the original of a normalized buffer, using what normalization learnt about its white space:
     * a snippet without line breaks or runs of spaces is a plain substring. Valid until the buffer is reused.
     */
    public static Source of(NormalizedBuffer normalized) {
        return new Source(normalized.original(), false, normalized);
    }

    /**
     * A text prepared for many snippets: its white-space runs collapsed once, with a map from original to
     * collapsed offsets, so that each snippet costs a substring however many entities an article names.
     */
    public static final class Source {
        private final String text;
        private final boolean prepared;
        private final NormalizedBuffer spaces;
        private String collapsed;
        private int[] toCollapsed;

        private Source(String text, boolean prepared, NormalizedBuffer spaces) {
            this.text = text;
            this.prepared = prepared;
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
            String core = first == last ? "" : collapsed(first, last);
            return (from > 0 ? "… " : "") + core + (to < length ? " …" : "");
        }

        /** [first, last) of the original, both ends not white space, with inner runs collapsed. */
        private String collapsed(int first, int last) {
            if (spaces != null) {
                return spaces.collapsedOriginal(first, last);
            }
            if (!prepared) {
                return collapseRange(first, last);
            }
            if (collapsed == null) {
                collapse();
            }
            return collapsed.substring(toCollapsed[first], toCollapsed[last - 1] + 1);
        }

        private String collapseRange(int first, int last) {
            char[] out = new char[last - first];
            text.getChars(first, last, out, 0);
            int k = 0;
            boolean space = false;
            for (int i = 0; i < out.length; i++) {
                char c = out[i];
                if (isSpace(c)) {
                    space = true;
                } else {
                    if (space) {
                        out[k++] = ' ';
                        space = false;
                    }
                    out[k++] = c;
                }
            }
            return new String(out, 0, k);
        }

        private void collapse() {
            int length = text.length();
            char[] out = new char[length];
            text.getChars(0, length, out, 0);
            int[] map = new int[length];
            int k = 0;
            boolean space = false;
            for (int i = 0; i < length; i++) {
                char c = out[i];
                if (isSpace(c)) {
                    if (!space) {
                        out[k++] = ' ';
                        space = true;
                    }
                    map[i] = k - 1;
                } else {
                    map[i] = k;
                    out[k++] = c;
                    space = false;
                }
            }
            collapsed = new String(out, 0, k);
            toCollapsed = map;
        }
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
