package dev.newsmon.core.text;

import java.util.ArrayList;
import java.util.List;

/** Splits normalized text into words: maximal runs of Unicode letters, digits and combining marks. */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokens(NormalizedText text) {
        return tokens(text.text());
    }

    public static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && !isWordChar(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Token(s.substring(start, i), start, i));
            }
        }
        return out;
    }

    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
