package dev.newsmon.core.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Arabic proclitic stripping for name lookup: (و|ف)? (ب|ك|ل)? (ال)?, with لل read as ل + ال. Every
 * intermediate form is a candidate, so a name written with its article (الكرملين) is found after بـ too.
 */
final class Clitics {

    private static final int MIN_STEM = 2;

    private Clitics() {
    }

    /** A candidate stem and how many characters were stripped from the front of the token. */
    record Stem(String text, int prefixLength) {
    }

    static List<Stem> stems(String token) {
        List<Stem> out = new ArrayList<>(4);
        out.add(new Stem(token, 0));
        if (token.isEmpty() || !isArabicLetter(token.charAt(0))) {
            return out;
        }
        List<Integer> afterConj = new ArrayList<>(2);
        afterConj.add(0);
        char c0 = token.charAt(0);
        if ((c0 == '\u0648' || c0 == '\u0641') && token.length() - 1 >= MIN_STEM) {
            afterConj.add(1);
        }
        for (int conj : afterConj) {
            List<Integer> afterPrep = new ArrayList<>(2);
            afterPrep.add(conj);
            if (token.length() - conj - 1 >= MIN_STEM) {
                char p = token.charAt(conj);
                if (p == '\u0628' || p == '\u0643' || p == '\u0644') {
                    afterPrep.add(conj + 1);
                    // لل = ل + ال with the alef dropped: للسيسي → ال + سيسي
                    if (p == '\u0644' && token.charAt(conj + 1) == '\u0644' && token.length() - conj - 2 >= MIN_STEM) {
                        add(out, new Stem("\u0627" + token.substring(conj + 1), conj + 1));
                        add(out, new Stem(token.substring(conj + 2), conj + 2));
                    }
                }
            }
            for (int prep : afterPrep) {
                if (prep > 0) {
                    add(out, new Stem(token.substring(prep), prep));
                }
                if (token.startsWith("\u0627\u0644", prep) && token.length() - prep - 2 >= MIN_STEM) {
                    add(out, new Stem(token.substring(prep + 2), prep + 2));
                }
            }
        }
        return out;
    }

    private static void add(List<Stem> out, Stem stem) {
        for (Stem s : out) {
            if (s.text().equals(stem.text())) {
                return;
            }
        }
        out.add(stem);
    }

    private static boolean isArabicLetter(char c) {
        return c >= '\u0621' && c <= '\u064A';
    }
}
