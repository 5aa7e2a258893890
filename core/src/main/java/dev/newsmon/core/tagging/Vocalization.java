package dev.newsmon.core.tagging;

import dev.newsmon.core.text.NormalizedBuffer;
import dev.newsmon.core.text.TextNormalizer;

/**
 * A name written with its harakat (مِصْر), to tell it from a word with the same letters that a writer vocalized
 * (مُصِرّ, "insistent"): most text carries no harakat, but where it does they decide. The letters are compared
 * after normalization; the marks against those written after each letter of the mention in the original.
 */
final class Vocalization {

    private static final int FATHA = 1;
    private static final int DAMMA = 2;
    private static final int KASRA = 4;
    private static final int SUKUN = 8;
    private static final int SHADDA = 16;
    private static final int TANWEEN = 32;
    private static final int VOWELS = FATHA | DAMMA | KASRA | SUKUN;

    private final char[] letters;
    private final int[] marks;

    private Vocalization(char[] letters, int[] marks) {
        this.letters = letters;
        this.marks = marks;
    }

    /** Parses a vocalized name; null when it has no harakat or a letter that normalizes to several. */
    static Vocalization parse(String vocalized) {
        StringBuilder base = new StringBuilder();
        int[] marks = new int[vocalized.length()];
        boolean anyMark = false;
        for (int i = 0; i < vocalized.length(); i++) {
            char c = vocalized.charAt(i);
            int bit = markBit(c);
            if (bit != 0 || isMark(c)) {
                if (base.length() > 0) {
                    marks[base.length() - 1] |= bit;
                    anyMark |= bit != 0;
                }
                continue;
            }
            String n = TextNormalizer.normalize(String.valueOf(c)).text();
            if (n.length() != 1) {
                return null;
            }
            base.append(n.charAt(0));
        }
        if (!anyMark || base.length() == 0) {
            return null;
        }
        return new Vocalization(base.toString().toCharArray(), java.util.Arrays.copyOf(marks, base.length()));
    }

    /**
     * Whether the mention [start, end) of the normalized buffer has these letters and harakat in the original
     * that contradict this vocalization: a shadda the name does not have, or another vowel on a letter before the
     * last (the last letter's case ending is free).
     */
    boolean contradictedBy(NormalizedBuffer buf, int start, int end) {
        if (end - start != letters.length) {
            return false;
        }
        char[] t = buf.chars();
        String original = buf.original();
        for (int j = 0; j < letters.length; j++) {
            if (t[start + j] != letters[j]) {
                return false;
            }
        }
        for (int j = 0; j < letters.length; j++) {
            int written = 0;
            for (int o = buf.originalStart(start + j) + 1; o < original.length() && isMark(original.charAt(o)); o++) {
                written |= markBit(original.charAt(o));
            }
            int expected = marks[j];
            if ((written & SHADDA) != 0 && (expected & SHADDA) == 0) {
                return true;
            }
            if (j < letters.length - 1 && (written & VOWELS) != 0 && (expected & VOWELS) != 0
                    && (written & VOWELS) != (expected & VOWELS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMark(char c) {
        return c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640';
    }

    private static int markBit(char c) {
        return switch (c) {
            case '\u064E' -> FATHA;
            case '\u064F' -> DAMMA;
            case '\u0650' -> KASRA;
            case '\u0652' -> SUKUN;
            case '\u0651' -> SHADDA;
            case '\u064B', '\u064C', '\u064D' -> TANWEEN;
            default -> 0;
        };
    }
}
