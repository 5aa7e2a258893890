package dev.newsmon.core.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spellings the press uses for a name that normalization does not make equal, generated for every name
 * (built-in and watchlist) when a tagger is built (docs/GAZETTEER.md, "Spelling variants").
 *
 * <p>Latin transliterations ({@link #latin}): French, German and house styles of the same Arabic or Russian
 * name differ by a few letter groups: ou/u (Tobrouk, Choïgou), ch/sch/sh (Choïgou, Schoigu), j/sch/zh (Prigojine,
 * Prigoschin), w/v (Lawrow, Vagner), final -ah written -a (Darnah), y written i (Syrte), gh/g and s/z (Bengasi),
 * final q written k (Tubruk), a double consonant written single (Gadafi); for people also -ar/-er (Hafter), a/e in the first
 * syllable (Heftar), French -ine (Poutine, Prigojine) and the German genitive -s (Putins). At most
 * {@link #MAX_CHANGES} changes in a one-word name (Lawrow, Poutine) and one in a longer name (Saddam Hafter,
 * Khalifa Heftar), so a name gets tens of variants, not thousands, and words of fewer
 * than {@link #MIN_LETTERS} letters (Mali, Oman, Chad) and generic words (Group, Army, National) are never
 * changed: their variants would be other words.
 *
 * <p>Arabic hamza seats ({@link #arabic}): inside a word the press writes ؤ, ئ or ء for the same hamza (مسؤول,
 * مسئول; المؤتمر, المئتمر; رؤوف, رءوف), which normalization keeps apart (و, ي, nothing); final seats (الشاطئ,
 * الشاطىء, الشاطي) and ة/ه, ى/ي are already one by normalization (docs/TEXT.md).
 */
final class SpellingVariants {

    static final int MAX_CHANGES = 2;
    static final int MIN_LETTERS = 5;
    /** A cap per word on the one-change variants, against pathological names. */
    private static final int MAX_PER_WORD = 24;
    private static final char[] HAMZA_SEATS = {'ؤ', 'ئ', 'ء'};

    /** Words of organisation and place names that are ordinary words, not transliterations. */
    private static final Set<String> GENERIC = Set.of("group", "army", "forces", "force", "national", "council",
            "house", "state", "states", "united", "government", "ministry", "party", "front", "brigade", "brigades",
            "corps", "union", "league", "bank",
            "company", "corporation", "authority", "commission", "republic", "federation", "court", "guard",
            "support", "security", "general", "liberation", "islamic", "movement", "airport", "north", "south",
            "east", "west", "central", "foreign", "defence", "defense", "affairs", "international", "president",
            "presidential", "arab", "african", "european", "mission", "nations", "military", "private", "fighters",
            "troops", "mercenaries", "mercenary", "contractors", "paramilitaries", "field", "marshal", "prime",
            "minister", "white", "office", "agency", "service", "intelligence", "operation", "representatives",
            "assembly", "congress", "committee", "dialogue", "forum", "elections", "investment", "coast", "special",
            "deterrence", "stability", "apparatus", "revolutionaries", "brotherhood", "muslim", "criminal",
            "emirates", "kingdom", "democratic", "sudanese", "libyan", "russian", "turkish", "egyptian", "armed",
            "based", "parliament", "people", "popular", "peace", "sahel", "africa", "saint", "island", "islands",
            "capital", "region");

    private SpellingVariants() {
    }

    /**
     * Variants of a Latin name given as normalized words, each with the spelling's own capitalization
     * ({@code changeable[i]}: word i is a capitalized, non-generic word). The name itself is not included.
     */
    static List<List<String>> latin(List<String> words, boolean[] changeable, boolean person) {
        Set<List<String>> out = new LinkedHashSet<>();
        List<List<String>> current = List.of(words);
        int changes = words.size() == 1 ? MAX_CHANGES : 1;
        for (int round = 0; round < changes; round++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> base : current) {
                for (int i = 0; i < base.size(); i++) {
                    if (!changeable[i]) {
                        continue;
                    }
                    for (String w : oneChange(base.get(i), person, i == base.size() - 1)) {
                        List<String> v = new ArrayList<>(base);
                        v.set(i, w);
                        if (!v.equals(words) && out.add(v)) {
                            next.add(v);
                        }
                    }
                }
            }
            current = next;
        }
        return new ArrayList<>(out);
    }

    /** Whether a word of a Latin spelling may be varied: capitalized, long enough, letters only, not generic. */
    static boolean changeable(String originalWord, String normalizedWord) {
        if (originalWord.isEmpty() || !Character.isUpperCase(originalWord.charAt(0))
                || normalizedWord.length() < MIN_LETTERS || GENERIC.contains(normalizedWord)) {
            return false;
        }
        for (int i = 0; i < normalizedWord.length(); i++) {
            char c = normalizedWord.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** The spellings one rule application away from {@code w} (lower-case ASCII). */
    static List<String> oneChange(String w, boolean person, boolean lastWord) {
        Set<String> out = new LinkedHashSet<>();
        int n = w.length();
        for (int i = 0; i < n && out.size() < MAX_PER_WORD; i++) {
            char c = w.charAt(i);
            char prev = i > 0 ? w.charAt(i - 1) : 0;
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            // ou / u (French)
            if (c == 'o' && next == 'u') {
                out.add(replace(w, i, 2, "u"));
            } else if (c == 'u' && prev != 'o' && prev != 'q' && prev != 'a' && prev != 'e') {
                out.add(replace(w, i, 1, "ou"));
            }
            // sh: ch (French), sch (German); zh: j (French), sch (German)
            if (next == 'h' && prev != 's') {
                if (c == 's') {
                    out.add(replace(w, i, 2, "ch"));
                    out.add(replace(w, i, 2, "sch"));
                } else if (c == 'z') {
                    out.add(replace(w, i, 2, "j"));
                    out.add(replace(w, i, 2, "sch"));
                } else if (c == 'g') {
                    out.add(replace(w, i, 2, "g"));
                }
            }
            // v / w
            if (c == 'v') {
                out.add(replace(w, i, 1, "w"));
            } else if (c == 'w') {
                out.add(replace(w, i, 1, "v"));
            }
            // y written i between consonants (Syrte, Sirte; Egypt, Egipt)
            if (c == 'y' && i > 0 && next != 0 && !isVowel(prev) && !isVowel(next)) {
                out.add(replace(w, i, 1, "i"));
            }
            // z / s between vowels (Bengasi)
            if (c == 'z' && i > 0 && isVowel(prev) && isVowel(next)) {
                out.add(replace(w, i, 1, "s"));
            }
            // a double consonant written single in longer words (Gaddafi, Gadafi; Sarraj, Saraj)
            if (next == c && !isVowel(c) && n > MIN_LETTERS) {
                out.add(replace(w, i, 2, String.valueOf(c)));
            }
        }
        // final -ah written -a (Misratah, Misrata), final q written k (Tubruq, Tubruk)
        if (w.endsWith("ah")) {
            out.add(w.substring(0, n - 1));
        }
        if (w.endsWith("q")) {
            out.add(w.substring(0, n - 1) + "k");
        }
        if (person) {
            if (w.endsWith("ar")) {
                out.add(w.substring(0, n - 2) + "er");
            } else if (w.endsWith("er")) {
                out.add(w.substring(0, n - 2) + "ar");
            }
            int v = firstVowel(w);
            if (v > 0 && (w.charAt(v) == 'a' || w.charAt(v) == 'e')) {
                out.add(replace(w, v, 1, w.charAt(v) == 'a' ? "e" : "a"));
            }
            if (w.endsWith("in")) {
                out.add(w + "e");
            }
            if (lastWord && !w.endsWith("s")) {
                out.add(w + "s");
            }
        }
        out.remove(w);
        return new ArrayList<>(out);
    }

    /**
     * Spellings of an Arabic name with each hamza inside a word (not its last letter) written on the other seats:
     * ؤ ئ ء. At most {@link #MAX_CHANGES} positions are varied. The name itself is not included.
     */
    static List<String> arabic(String spelling) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i + 1 < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (isHamzaSeat(c) && i > 0 && Character.isLetter(spelling.charAt(i - 1))
                    && Character.isLetter(spelling.charAt(i + 1))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        List<String> current = List.of(spelling);
        for (int round = 0; round < MAX_CHANGES && round < positions.size(); round++) {
            List<String> next = new ArrayList<>();
            for (String base : current) {
                for (int p : positions) {
                    for (char seat : HAMZA_SEATS) {
                        if (base.charAt(p) != seat && spelling.charAt(p) == base.charAt(p)) {
                            String v = replace(base, p, 1, String.valueOf(seat));
                            if (out.add(v)) {
                                next.add(v);
                            }
                        }
                    }
                }
            }
            current = next;
        }
        out.remove(spelling);
        return new ArrayList<>(out);
    }

    private static boolean isHamzaSeat(char c) {
        return c == 'ؤ' || c == 'ئ' || c == 'ء';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static int firstVowel(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (isVowel(w.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String replace(String w, int at, int length, String with) {
        return w.substring(0, at) + with + w.substring(at + length);
    }
}
