package dev.newsmon.producers.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * An order-1 word chain learned from our own sample texts: text that reads like the samples (same words, names and
 * their frequencies, so the tagger and the dedup fingerprints do realistic work) but whose word 3-grams are mostly
 * new, so generated articles are not near copies of each other.
 */
final class WordChain {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final int MAX_SENTENCE_WORDS = 28;

    private final String[] words;
    /** Successor word indexes of each word, repeated by frequency. */
    private final int[][] successors;
    /** Words that start a sentence in the samples. */
    private final int[] starts;

    private WordChain(String[] words, int[][] successors, int[] starts) {
        this.words = words;
        this.successors = successors;
        this.starts = starts;
    }

    /** Learns from whole texts (paragraph breaks are ignored; sentence ends come from the punctuation). */
    static WordChain learn(List<String> texts) {
        Map<String, Integer> index = new HashMap<>();
        List<String> words = new ArrayList<>();
        List<List<Integer>> next = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (String text : texts) {
            int previous = -1;
            for (String token : WHITE_SPACE.split(text.strip())) {
                if (token.isEmpty()) {
                    continue;
                }
                int id = index.computeIfAbsent(token, t -> {
                    words.add(t);
                    next.add(new ArrayList<>());
                    return words.size() - 1;
                });
                if (previous < 0 || endsSentence(words.get(previous))) {
                    starts.add(id);
                }
                if (previous >= 0) {
                    next.get(previous).add(id);
                }
                previous = id;
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words to learn from");
        }
        int[][] succ = new int[words.size()][];
        for (int i = 0; i < succ.length; i++) {
            succ[i] = next.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new WordChain(words.toArray(String[]::new), succ,
                starts.stream().mapToInt(Integer::intValue).toArray());
    }

    int vocabularySize() {
        return words.length;
    }

    /** One sentence, ending with the punctuation the chain reached or a full stop. */
    void sentence(SplittableRandom random, StringBuilder out) {
        int w = starts[random.nextInt(starts.length)];
        for (int n = 0; ; n++) {
            if (n > 0) {
                out.append(' ');
            }
            out.append(words[w]);
            if (endsSentence(words[w])) {
                return;
            }
            int[] succ = successors[w];
            if (succ.length == 0 || n + 1 >= MAX_SENTENCE_WORDS) {
                out.append('.');
                return;
            }
            w = succ[random.nextInt(succ.length)];
        }
    }

    /** A headline: a short run of words without the final punctuation. */
    String headline(SplittableRandom random, int maxWords) {
        StringBuilder out = new StringBuilder();
        int w = starts[random.nextInt(starts.length)];
        for (int n = 0; n < maxWords; n++) {
            String word = strip(words[w]);
            if (!word.isEmpty()) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(word);
            }
            int[] succ = successors[w];
            if (succ.length == 0 || endsSentence(words[w]) && n >= 5) {
                break;
            }
            w = succ[random.nextInt(succ.length)];
        }
        return out.toString();
    }

    /** A random word of the vocabulary (for edits). */
    String word(SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }

    private static boolean endsSentence(String word) {
        char last = word.charAt(word.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '؟';
    }

    private static String strip(String word) {
        int end = word.length();
        while (end > 0 && ".,!?؟،:;\"»«".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }
}
