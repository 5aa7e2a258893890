package dev.newsmon.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words: maximal runs of Unicode letters, digits and combining marks (supplementary letters
 * included). Everything else (spaces, punctuation, hyphens, apostrophes) separates words, so "Tobruk-based"
 * is two words and "Haftar's" reads "haftar" + "s". Meant for normalized text, works on any text.
 */
public final class Tokenizer {

    private static final boolean[] WORD = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            int type = Character.getType(c);
            WORD[c] = !Character.isSurrogate((char) c) && (Character.isLetterOrDigit(c)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK);
        }
    }

    private Tokenizer() {
    }

    public static List<Token> tokens(NormalizedText text) {
        return tokens(text.text());
    }

    public static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordAt(s, i)) {
                i++;
            }
            int start = i;
            while (i < n && isWordAt(s, i)) {
                i += Character.isHighSurrogate(s.charAt(i)) ? 2 : 1;
            }
            if (i > start) {
                int end = Math.min(i, n);
                out.add(new Token(s.substring(start, end), start, end));
            }
        }
        return out;
    }

    /** True for a letter, digit or combining mark (a BMP unit; surrogates are never word units here). */
    public static boolean isWordChar(char c) {
        return WORD[c];
    }

    /** Whether the character (or surrogate pair) at {@code i} belongs to a word. */
    public static boolean isWordAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return WORD[c];
        }
        return isSupplementaryWord(c, i + 1 < s.length() ? s.charAt(i + 1) : 0);
    }

    /** Same as {@link #isWordAt(CharSequence, int)} over a char array of the given length. */
    public static boolean isWordAt(char[] s, int i, int length) {
        char c = s[i];
        if (!Character.isSurrogate(c)) {
            return WORD[c];
        }
        return isSupplementaryWord(c, i + 1 < length ? s[i + 1] : 0);
    }

    private static boolean isSupplementaryWord(char high, char low) {
        if (!Character.isHighSurrogate(high) || !Character.isLowSurrogate(low)) {
            return false;
        }
        int cp = Character.toCodePoint(high, low);
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
