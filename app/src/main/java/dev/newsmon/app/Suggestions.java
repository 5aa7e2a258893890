package dev.newsmon.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the known names closest to a mistyped one (edit distance, or a name that contains it). */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest name, or null when none is close enough to be a plausible typo. */
    static String closest(String typed, Collection<String> known) {
        List<String> close = close(typed, known, 1);
        return close.isEmpty() ? null : close.get(0);
    }

    /**
     * Up to {@code max} names, best first: those within a few edits of {@code typed} (about one in three
     * characters), and those that start with it or contain it as a part ({@code wagner} → {@code wagner-group}).
     */
    static List<String> close(String typed, Collection<String> known, int max) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, t.length() / 3);
        record Scored(String name, int score) {
        }
        return known.stream().map(name -> {
            String n = name.toLowerCase(Locale.ROOT);
            int distance = distance(t, n);
            boolean part = t.length() >= 3 && (n.startsWith(t) || n.contains("-" + t) || n.contains(t + "-"));
            int score = distance <= allowed ? distance : part ? allowed + 1 + (n.length() - t.length()) : -1;
            return new Scored(name, score);
        }).filter(s -> s.score() >= 0)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max).map(Scored::name).toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
