package dev.newsmon.core.dedup.devset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Text transformations a syndicated copy goes through, each deterministic given its Random. */
final class Transforms {

    private static final char[] HARAKAT = {'\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B', '\u064D'};
    private static final String TATWEEL = "\u0640";
    /** Arabic letters a tatweel can follow (they join to the next letter). */
    private static final String JOINING = "بتثجحخسشصضطظعغفقكلمنهي";
    private static final List<String> FILLERS_AR = List.of("أيضا", "كذلك", "بدوره", "حينها", "فعلا", "رسميا");
    private static final List<String> FILLERS_EN = List.of("also", "reportedly", "meanwhile", "indeed", "now",
            "officially");
    private static final List<String[]> SYNONYMS_AR = List.of(new String[] {"قال", "ذكر"},
            new String[] {"أكد", "شدد"}, new String[] {"أعلن", "كشف"}, new String[] {"خلال", "أثناء"},
            new String[] {"بعد", "عقب"}, new String[] {"كبير", "ضخم"}, new String[] {"مسؤولين", "مسؤولون"},
            new String[] {"الماضي", "المنصرم"}, new String[] {"المقبل", "القادم"});
    private static final List<String[]> SYNONYMS_EN = List.of(new String[] {"said", "stated"},
            new String[] {"about", "around"}, new String[] {"said on", "announced on"}, new String[] {"began", "started"},
            new String[] {"large", "big"}, new String[] {"warned", "cautioned"}, new String[] {"people", "residents"},
            new String[] {"after", "following"}, new String[] {"several", "a number of"});

    private Transforms() {
    }

    /** Adds harakat to a share of Arabic letters; strength 2+ adds tatweel, 3 zero-width marks and Indic digits. */
    static String diacritics(String text, int strength, Random rnd) {
        double share = strength == 1 ? 0.1 : strength == 2 ? 0.4 : 1.0;
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(strength == 3 && c >= '0' && c <= '9' ? (char) ('\u0660' + c - '0') : c);
            boolean arabicLetter = c >= '\u0621' && c <= '\u064A';
            if (arabicLetter && rnd.nextDouble() < share) {
                out.append(HARAKAT[rnd.nextInt(HARAKAT.length)]);
            }
            boolean nextIsLetter = i + 1 < text.length() && text.charAt(i + 1) >= '\u0621'
                    && text.charAt(i + 1) <= '\u064A';
            if (strength >= 2 && JOINING.indexOf(c) >= 0 && nextIsLetter && rnd.nextDouble() < 0.08) {
                out.append(TATWEEL);
            }
            if (strength == 3 && c == ' ' && rnd.nextDouble() < 0.05) {
                out.append('\u200C');
            }
            if (!arabicLetter && c == ' ' && strength >= 2 && rnd.nextDouble() < 0.1) {
                out.setCharAt(out.length() - 1, '\u00A0');
            }
            if (c == '"') {
                out.setCharAt(out.length() - 1, rnd.nextBoolean() ? '\u201C' : '\u00AB');
            }
        }
        return out.toString();
    }

    /**
     * Edits a share of the words (2%, 5%, 10%): swaps in a synonym, deletes a word or inserts a filler word. Words
     * that carry facts (digits, capitalized names, protected entity words) are left alone, as editors do.
     */
    static List<String> wordEdits(List<String> paragraphs, int strength, boolean arabic, Set<String> protectedWords,
            Random rnd) {
        double share = strength == 1 ? 0.02 : strength == 2 ? 0.05 : 0.10;
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String[] words = p.split(" ");
            List<String> edited = new ArrayList<>();
            for (String w : words) {
                boolean salient = w.chars().anyMatch(Character::isDigit) || !arabic && !w.isEmpty()
                        && Character.isUpperCase(w.charAt(0)) || protectedWords.contains(strip(w));
                if (salient || rnd.nextDouble() >= share) {
                    edited.add(w);
                    continue;
                }
                int op = rnd.nextInt(3);
                String synonym = synonym(w, arabic);
                if (op == 0 && synonym != null) {
                    edited.add(synonym);
                } else if (op <= 1) {
                    continue;
                } else {
                    edited.add(w);
                    List<String> fillers = arabic ? FILLERS_AR : FILLERS_EN;
                    edited.add(fillers.get(rnd.nextInt(fillers.size())));
                }
            }
            out.add(String.join(" ", edited));
        }
        return out;
    }

    private static String synonym(String w, boolean arabic) {
        String bare = strip(w);
        for (String[] pair : arabic ? SYNONYMS_AR : SYNONYMS_EN) {
            if (bare.equals(pair[0])) {
                return w.replace(pair[0], pair[1]);
            }
        }
        return null;
    }

    static String strip(String w) {
        return w.replaceAll("^[\\p{Punct}«»“”،]+|[\\p{Punct}«»“”،]+$", "");
    }

    /** 1: swap two middle paragraphs; 2: move the last paragraph first; 3: shuffle all. */
    static List<String> reorder(List<String> paragraphs, int strength, Random rnd) {
        List<String> out = new ArrayList<>(paragraphs);
        if (out.size() < 3) {
            Collections.reverse(out);
            return out;
        }
        switch (strength) {
            case 1 -> Collections.swap(out, 1, 2);
            case 2 -> out.add(0, out.remove(out.size() - 1));
            default -> {
                List<String> original = new ArrayList<>(out);
                while (out.equals(original)) {
                    Collections.shuffle(out, rnd);
                }
            }
        }
        return out;
    }

    /** Keeps the first 75%, 50% or 40% of the words, paragraph breaks kept, ending with an ellipsis. */
    static List<String> truncate(List<String> paragraphs, double keep) {
        int total = 0;
        for (String p : paragraphs) {
            total += p.split(" ").length;
        }
        int budget = (int) Math.round(total * keep);
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String[] words = p.split(" ");
            if (budget >= words.length) {
                out.add(p);
                budget -= words.length;
            } else {
                if (budget > 0) {
                    out.add(String.join(" ", java.util.Arrays.copyOf(words, budget)) + "…");
                }
                break;
            }
        }
        return out;
    }
}
