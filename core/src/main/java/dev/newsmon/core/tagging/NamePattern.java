package dev.newsmon.core.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small pattern language of gazetteer names (docs/GAZETTEER.md): {@code (a|b|)} lists alternatives (an
 * empty one makes the group optional) and {@code <G>} stands for the letter choices of one foreign sound.
 * {@code "(ال|)<V>ا<G>نر"} expands to الفاغنر, فاغنر, الواغنر, فاجنر, ... Groups nest.
 */
final class NamePattern {

    /** Letter choices the Arabic press uses for sounds Arabic script has no single letter for. */
    static final Map<String, List<String>> MACROS = Map.of(
            "G", List.of("غ", "ج", "ق"),   // g: فاغنر / فاجنر / فاقنر
            "V", List.of("ف", "و"),        // v and w: فاغنر / واغنر (ڤ is folded to ف by normalization)
            "ZH", List.of("ج", "ز"),       // Russian zh: بريغوجين / بريغوزين
            "K", List.of("ك", "ق"),        // k: كيدال / قيدال
            "I", List.of("ي", ""),         // a short i/e written or not: سيرغي / سرغي
            "U", List.of("و", ""),         // a short o/u written or not: يفكوروف / يفكروف
            "A", List.of("ا", ""));        // a short a written or not

    /** More expansions than this in one name is a mistake in the pattern, not a real list of spellings. */
    static final int MAX_EXPANSIONS = 512;

    private final String source;
    private int pos;

    private NamePattern(String source) {
        this.source = source;
    }

    /** All spellings the pattern stands for; throws {@link IllegalArgumentException} on a malformed pattern. */
    static List<String> expand(String pattern) {
        NamePattern parser = new NamePattern(pattern);
        List<String> out = parser.sequence();
        if (parser.pos < pattern.length()) {
            throw new IllegalArgumentException("unexpected '" + pattern.charAt(parser.pos) + "' at " + parser.pos
                    + " in name pattern \"" + pattern + "\"");
        }
        return out;
    }

    /**
     * Like {@link #expand} for names typed by users (watchlist): text without pattern syntax, or with broken
     * syntax, is taken literally rather than rejected.
     */
    static List<String> expandLenient(String name) {
        if (name.indexOf('|') < 0 && name.indexOf('<') < 0) {
            return List.of(name);
        }
        try {
            return expand(name);
        } catch (IllegalArgumentException e) {
            return List.of(name);
        }
    }

    private List<String> sequence() {
        List<String> acc = new ArrayList<>(List.of(""));
        StringBuilder literal = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '(' || c == '<') {
                acc = product(acc, List.of(literal.toString()));
                literal.setLength(0);
                acc = product(acc, c == '(' ? group() : macro());
            } else if (c == '>') {
                throw new IllegalArgumentException("'>' without '<' in name pattern \"" + source + "\"");
            } else {
                literal.append(c);
                pos++;
            }
        }
        return product(acc, List.of(literal.toString()));
    }

    private List<String> group() {
        pos++; // (
        List<String> alternatives = new ArrayList<>();
        while (true) {
            alternatives.addAll(sequence());
            if (pos >= source.length()) {
                throw new IllegalArgumentException("'(' without ')' in name pattern \"" + source + "\"");
            }
            char c = source.charAt(pos++);
            if (c == ')') {
                return alternatives;
            }
        }
    }

    private List<String> macro() {
        int close = source.indexOf('>', pos);
        if (close < 0) {
            throw new IllegalArgumentException("'<' without '>' in name pattern \"" + source + "\"");
        }
        String name = source.substring(pos + 1, close);
        List<String> letters = MACROS.get(name);
        if (letters == null) {
            throw new IllegalArgumentException("unknown letter class <" + name + "> in name pattern \"" + source
                    + "\" (known: " + MACROS.keySet().stream().sorted().toList() + ")");
        }
        pos = close + 1;
        return letters;
    }

    private List<String> product(List<String> left, List<String> right) {
        if (right.size() == 1 && right.get(0).isEmpty()) {
            return left;
        }
        if ((long) left.size() * right.size() > MAX_EXPANSIONS) {
            throw new IllegalArgumentException("name pattern \"" + source + "\" expands to more than "
                    + MAX_EXPANSIONS + " spellings");
        }
        List<String> out = new ArrayList<>(left.size() * right.size());
        for (String l : left) {
            for (String r : right) {
                out.add(l + r);
            }
        }
        return out;
    }
}
