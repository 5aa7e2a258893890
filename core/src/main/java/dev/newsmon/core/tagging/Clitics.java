package dev.newsmon.core.tagging;

/**
 * The Arabic proclitics a name may carry in running text, in the order they attach: a conjunction (و ف), a
 * preposition (ب ك ل), the article (ال), with ل + ال written لل. وبالفاغنر = و + ب + ال + فاغنر;
 * للسيسي = ل + (ا)لسيسي. The tagger tries every split and accepts only a split whose rest is a gazetteer
 * key ending at the end of the word; a word is never cut anywhere else, so طبرقة is not طبرق and مصراتة is not
 * مصر. Lucene's light stemmer is not used: it also strips suffixes and damages names (بوتين → بوت).
 */
final class Clitics {

    static final char ALEF = '\u0627';
    static final char BEH = '\u0628';
    static final char FEH = '\u0641';
    static final char KAF = '\u0643';
    static final char LAM = '\u0644';
    static final char WAW = '\u0648';
    /** What must remain of a word after its clitics: at least two letters. */
    static final int MIN_STEM = 2;

    private Clitics() {
    }

    static boolean isConjunction(char c) {
        return c == WAW || c == FEH;
    }

    static boolean isPreposition(char c) {
        return c == BEH || c == KAF || c == LAM;
    }

    static boolean isArabicLetter(char c) {
        return c >= '\u0620' && c <= '\u064A' || c >= '\u066E' && c <= '\u06D3';
    }
}
