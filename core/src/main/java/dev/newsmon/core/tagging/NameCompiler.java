package dev.newsmon.core.tagging;

import dev.newsmon.core.text.NormalizedText;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.text.Token;
import dev.newsmon.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a name as written in the gazetteer (or a watchlist) into the keys the tagger looks up: every spelling
 * of its pattern, the automatic variants, title + name, each normalized and reduced to its words joined by one
 * space. Built-in and user names go through the same steps.
 *
 * <p>Automatic variants: Arabic compounds written joined or apart (عبد الفتاح / عبدالفتاح, أبو ظبي / أبوظبي);
 * Latin article forms (al-Sarraj / el-Sarraj / Sarraj); Latin compounds (Abdel Fattah / Abdelfattah).
 */
final class NameCompiler {

    /**
     * A lookup key. {@code caseSensitive}: must match upper-case letters in the original (acronyms: US, UN, EU);
     * {@code capitalized}: the spelling starts with a capital (Turkey, Poutine), which an ambiguous name then
     * needs in the text (turkey, poutine are other words); {@code generated}: an automatic spelling variant
     * ({@link SpellingVariants}), which gives way to any name written in a gazetteer; {@code titled}: a title
     * precedes the name (المشير حفتر), which settles an ambiguous name.
     */
    record Key(String text, boolean caseSensitive, boolean capitalized, boolean generated, boolean titled) {

        Key(String text, boolean caseSensitive) {
            this(text, caseSensitive, false, false, false);
        }
    }

    private static final int MAX_ACRONYM_LETTERS = 5;
    private static final String ABD = "عبد";
    private static final String ABU = "ابو";

    private NameCompiler() {
    }

    /**
     * Keys for one name. {@code strict}: a malformed pattern throws (gazetteer files); otherwise the name is
     * taken literally (watchlist names typed by users).
     */
    static List<Key> compile(String name, List<String> titles, boolean strict) {
        return compile(name, titles, strict, false);
    }

    /**
     * Keys for one name, with the spelling variants of {@link SpellingVariants} ({@code person}: the rules for
     * people's names apply too).
     */
    static List<Key> compile(String name, List<String> titles, boolean strict, boolean person) {
        Map<String, Key> out = new LinkedHashMap<>();
        List<List<String>> titleTokens = new ArrayList<>();
        for (String title : titles) {
            for (String spelling : strict ? NamePattern.expand(title) : NamePattern.expandLenient(title)) {
                List<String> words = words(spelling);
                if (!words.isEmpty()) {
                    titleTokens.add(words);
                }
            }
        }
        List<String> spellings = strict ? NamePattern.expand(name) : NamePattern.expandLenient(name);
        for (String spelling : spellings) {
            addSpelling(out, spelling, titleTokens, false);
        }
        for (String spelling : spellings) {
            for (String seat : SpellingVariants.arabic(spelling)) {
                addSpelling(out, seat, List.of(), true);
            }
            if (isAcronym(spelling)) {
                continue;
            }
            NormalizedText n = TextNormalizer.normalize(spelling);
            List<Token> tokens = Tokenizer.tokens(n);
            List<String> words = new ArrayList<>(tokens.size());
            boolean[] changeable = new boolean[tokens.size()];
            boolean any = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                words.add(t.text());
                String original = spelling.substring(n.originalStart(t.start()), n.originalEnd(t.end()));
                changeable[i] = SpellingVariants.changeable(original, t.text());
                any |= changeable[i];
            }
            if (!any) {
                continue;
            }
            boolean capitalized = startsWithCapital(spelling);
            for (List<String> latin : SpellingVariants.latin(words, changeable, person)) {
                for (List<String> variant : variants(latin)) {
                    addKey(out, variant, false, capitalized, true, List.of());
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static void addSpelling(Map<String, Key> out, String spelling, List<List<String>> titleTokens,
            boolean generated) {
        boolean caseSensitive = isAcronym(spelling);
        boolean capitalized = startsWithCapital(spelling);
        for (List<String> variant : variants(words(spelling))) {
            addKey(out, variant, caseSensitive, capitalized, generated, titleTokens);
        }
    }

    private static void addKey(Map<String, Key> out, List<String> variant, boolean caseSensitive, boolean capitalized,
            boolean generated, List<List<String>> titleTokens) {
        add(out, variant, caseSensitive, capitalized, generated, false);
        for (List<String> title : titleTokens) {
            List<String> titled = new ArrayList<>(title);
            titled.addAll(variant);
            add(out, titled, false, false, generated, true);
        }
    }

    /** A Latin spelling whose first letter is a capital (Turkey); Arabic has no case. */
    static boolean startsWithCapital(String spelling) {
        for (int i = 0; i < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c);
            }
        }
        return false;
    }

    /** The key of a plain phrase (cue words): its normalized words joined by one space, no variants. */
    static List<String> plainKeys(String phrase, boolean strict) {
        List<String> out = new ArrayList<>();
        for (String spelling : strict ? NamePattern.expand(phrase) : NamePattern.expandLenient(phrase)) {
            List<String> words = words(spelling);
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
        }
        return out;
    }

    private static void add(Map<String, Key> out, List<String> words, boolean caseSensitive, boolean capitalized,
            boolean generated, boolean titled) {
        if (words.isEmpty()) {
            return;
        }
        String text = String.join(" ", words);
        Key known = out.get(text);
        if (known == null) {
            out.put(text, new Key(text, caseSensitive, capitalized, generated, titled));
            return;
        }
        // One spelling that may match in any case makes the key case-insensitive (NATO and Nato); one written
        // spelling makes it a written name, not a generated one.
        Key merged = new Key(text, known.caseSensitive() && caseSensitive, known.capitalized() && capitalized,
                known.generated() && generated, known.titled() && titled);
        if (!merged.equals(known)) {
            out.put(text, merged);
        }
    }

    static List<String> words(String spelling) {
        List<Token> tokens = Tokenizer.tokens(TextNormalizer.normalize(spelling));
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            words.add(t.text());
        }
        return words;
    }

    /** US, U.S., UN, UAE: short, upper-case Latin only. "Nato" or "Sisi" are not. */
    static boolean isAcronym(String spelling) {
        int letters = 0;
        for (int i = 0; i < spelling.length(); i++) {
            char c = spelling.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letters++;
            } else if (Character.isLetter(c)) {
                return false;
            }
        }
        return letters > 0 && letters <= MAX_ACRONYM_LETTERS;
    }

    /** The name itself and its automatic variants (token lists), without duplicates. */
    static List<List<String>> variants(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        out.add(words);
        if (words.isEmpty()) {
            return out;
        }
        // Compounds: join "عبد X" / "ابو X", split "عبدX" / "ابوX" (Arabic), join "abdel X" (Latin).
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i + 1 < words.size() && (w.equals(ABD) || w.equals(ABU) || isLatinCompoundHead(w))) {
                addDistinct(out, joined(words, i));
            }
            if ((w.startsWith(ABD) || w.startsWith(ABU)) && w.length() >= 6) {
                addDistinct(out, split(words, i, 3));
            }
        }
        // Latin article: al-X / el-X / X.
        int size = out.size();
        for (int v = 0; v < size; v++) {
            List<String> base = out.get(v);
            for (int i = 0; i + 1 < base.size(); i++) {
                String w = base.get(i);
                if ((w.equals("al") || w.equals("el")) && base.get(i + 1).length() >= 3) {
                    addDistinct(out, replaced(base, i, w.equals("al") ? "el" : "al"));
                    List<String> without = new ArrayList<>(base);
                    without.remove(i);
                    if (without.stream().anyMatch(x -> x.length() >= 4)) {
                        addDistinct(out, without);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isLatinCompoundHead(String w) {
        return w.equals("abdel") || w.equals("abdul") || w.equals("abd") || w.equals("abu") || w.equals("abou");
    }

    private static List<String> joined(List<String> words, int i) {
        List<String> out = new ArrayList<>(words.subList(0, i));
        out.add(words.get(i) + words.get(i + 1));
        out.addAll(words.subList(i + 2, words.size()));
        return out;
    }

    private static List<String> split(List<String> words, int i, int at) {
        List<String> out = new ArrayList<>(words.subList(0, i));
        out.add(words.get(i).substring(0, at));
        out.add(words.get(i).substring(at));
        out.addAll(words.subList(i + 1, words.size()));
        return out;
    }

    private static List<String> replaced(List<String> words, int i, String with) {
        List<String> out = new ArrayList<>(words);
        out.set(i, with);
        return out;
    }

    private static void addDistinct(List<List<String>> out, List<String> variant) {
        if (!out.contains(variant)) {
            out.add(variant);
        }
    }
}
