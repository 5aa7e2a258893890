package dev.newsmon.core.extract;

import dev.newsmon.core.text.TextNormalizer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns, per source, the short lines that recur across many of its stories (a site's slogan, its "follow us on
 * Telegram" line, a fixed disclaimer) and removes them from that source's later articles, so that boilerplate the
 * static rules do not know never drives a dedup decision.
 *
 * <p>Only short lines (≤ {@link Config#maxLineChars()} normalized characters) near the start or the end of the
 * text (the first and last {@link Config#edgeLines()} lines) are considered: that is where site chrome sits, and
 * it keeps a repeated background paragraph of a running story from ever being learned. A line becomes
 * boilerplate once it was seen in {@link Config#minStories()} different stories of the source; a story is
 * counted once however often it is re-sent or copied (callers pass the story id: the original's id for a
 * duplicate).
 *
 * <p>Meant for the sequenced dedup stage, which sees every article in one total order, so that what was learned
 * is the same on every run:
 * <pre>
 *   Cleaned cleaned = filter.clean(source, text, lineState);            // read only
 *   DedupCandidate c = cleaned.removedAny()
 *       ? fingerprinter.candidate(id, url, ContentHash.of(cleaned.text()), cleaned.text(), entities, time)
 *       : candidateFromParallelStage;
 *   DedupDecision d = engine.decide(c, dedupState);
 *   filter.learn(source, text, d.duplicate() ? d.duplicateOf() : id, time, lineState);
 * </pre>
 * State: one entry per (source, line) of about 25 bytes, expiring with the horizon of its store.
 */
public final class RecurringLineFilter {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /**
     * @param minStories   stories of one source a line must appear in before it is treated as boilerplate
     * @param maxLineChars longest line (normalized characters) that can be boilerplate
     * @param edgeLines    how many lines at each end of a text are examined
     */
    public record Config(int minStories, int maxLineChars, int edgeLines) {
        public Config {
            if (minStories < 2 || minStories > 50 || maxLineChars < 1 || edgeLines < 1) {
                throw new IllegalArgumentException("invalid recurring-line configuration");
            }
        }

        public static Config defaults() {
            return new Config(3, 160, 8);
        }
    }

    /**
     * The short edge lines of one article as state keys: {@code keys.get(i)} is the key of line
     * {@code lineIndexes[i]} (non-empty lines of the text, counted from 0). A pure function of source and text, so
     * it can be computed where the article is analyzed (in parallel) and carried to the ordered stage, which then
     * only reads and writes the state.
     */
    public record EdgeLines(List<String> keys, int[] lineIndexes) {
        public EdgeLines {
            keys = List.copyOf(keys);
            lineIndexes = lineIndexes.clone();
            if (keys.size() != lineIndexes.length) {
                throw new IllegalArgumentException("one line index per key");
            }
        }

        public static final EdgeLines NONE = new EdgeLines(List.of(), new int[0]);

        @Override
        public boolean equals(Object o) {
            return o instanceof EdgeLines e && keys.equals(e.keys) && Arrays.equals(lineIndexes, e.lineIndexes);
        }

        @Override
        public int hashCode() {
            return keys.hashCode() * 31 + Arrays.hashCode(lineIndexes);
        }
    }

    /**
     * The text without the recurring lines, and how many lines were removed. A removed line is blanked (its
     * characters become spaces, the line breaks stay), so the text keeps the input's length and every offset into
     * the input, such as the tagger's entity spans, still points at the same words.
     */
    public record Cleaned(String text, int removedLines) {
        public boolean removedAny() {
            return removedLines > 0;
        }
    }

    private final Config config;

    public RecurringLineFilter() {
        this(Config.defaults());
    }

    public RecurringLineFilter(Config config) {
        this.config = config;
    }

    /** The state keys of the short edge lines of {@code text} (none without a source or text). */
    public EdgeLines edges(String source, String text) {
        if (source == null || text == null || text.isEmpty()) {
            return EdgeLines.NONE;
        }
        List<Line> lines = lines(text);
        boolean[] edge = edges(lines);
        List<String> keys = new ArrayList<>();
        int[] indexes = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String key = edge[i] ? key(source, lines.get(i).text()) : null;
            if (key != null) {
                indexes[keys.size()] = i;
                keys.add(key);
            }
        }
        return new EdgeLines(keys, Arrays.copyOf(indexes, keys.size()));
    }

    /** Removes the lines already known as boilerplate of {@code source}; does not change the state. */
    public Cleaned clean(String source, String text, RecurringLineState state) {
        return clean(edges(source, text), text, state);
    }

    /** {@link #clean(String, String, RecurringLineState)} with the text's edge lines already computed. */
    public Cleaned clean(EdgeLines edges, String text, RecurringLineState state) {
        if (text == null || text.isEmpty()) {
            return new Cleaned(text == null ? "" : text, 0);
        }
        List<Line> lines = null;
        char[] out = null;
        int removed = 0;
        for (int k = 0; k < edges.keys().size(); k++) {
            if (isBoilerplate(state.get(edges.keys().get(k)))) {
                lines = lines == null ? lines(text) : lines;
                int index = edges.lineIndexes()[k];
                if (index >= lines.size()) {
                    continue; // edge lines computed for another text; never cut outside this one
                }
                Line line = lines.get(index);
                out = out == null ? text.toCharArray() : out;
                Arrays.fill(out, line.start(), line.end(), ' ');
                removed++;
            }
        }
        return removed == 0 ? new Cleaned(text, 0) : new Cleaned(new String(out), removed);
    }

    /** Records that the short edge lines of {@code text} appeared in story {@code storyId} of {@code source}. */
    public void learn(String source, String text, String storyId, long eventTimeMs, RecurringLineState state) {
        if (source == null || text == null) {
            return;
        }
        learn(edges(source, text), storyId, eventTimeMs, state);
    }

    /** {@link #learn(String, String, String, long, RecurringLineState)} with the edge lines already computed. */
    public void learn(EdgeLines edges, String storyId, long eventTimeMs, RecurringLineState state) {
        if (storyId == null) {
            return;
        }
        int story = (int) fnv(storyId);
        for (String key : new LinkedHashSet<>(edges.keys())) {
            state.put(key, counted(state.get(key), story), eventTimeMs);
        }
    }

    /** Value layout: [stories seen, saturating at minStories][the stories' 32-bit hashes, until saturated]. */
    private byte[] counted(byte[] old, int story) {
        if (old == null || old.length == 0 || (old.length - 1) % 4 != 0) {
            return ByteBuffer.allocate(5).put((byte) 1).putInt(story).array();
        }
        int count = old[0] & 0xFF;
        if (count >= config.minStories()) {
            return old;
        }
        ByteBuffer b = ByteBuffer.wrap(old, 1, old.length - 1);
        while (b.hasRemaining()) {
            if (b.getInt() == story) {
                return old;
            }
        }
        if (count + 1 >= config.minStories()) {
            return new byte[] {(byte) (count + 1)};
        }
        return ByteBuffer.allocate(old.length + 4).put(old).putInt(story).put(0, (byte) (count + 1)).array();
    }

    private boolean isBoilerplate(byte[] value) {
        return value != null && value.length > 0 && (value[0] & 0xFF) >= config.minStories();
    }

    private boolean[] edges(List<Line> lines) {
        boolean[] edge = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            edge[i] = i < config.edgeLines() || i >= lines.size() - config.edgeLines();
        }
        return edge;
    }

    private String key(String source, String line) {
        String norm = TextNormalizer.normalize(line).text();
        if (norm.isEmpty() || norm.length() > config.maxLineChars()) {
            return null;
        }
        long h = fnv(source.strip().toLowerCase(java.util.Locale.ROOT) + '\n' + norm);
        char[] out = new char[12];
        out[0] = 'r';
        for (int i = 0; i < 11; i++) {
            out[i + 1] = B64[(int) (h >>> (6 * i)) & 63];
        }
        return new String(out);
    }

    private static final char[] B64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /** A non-blank line: where it starts and ends in the text (line break excluded), and its stripped text. */
    private record Line(int start, int end, String text) {
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        Matcher breaks = LINE_BREAK.matcher(text);
        int start = 0;
        while (start <= text.length()) {
            int end = breaks.find() ? breaks.start() : text.length();
            String s = text.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(new Line(start, end, s));
            }
            start = end == text.length() ? text.length() + 1 : breaks.end();
        }
        return out;
    }

}
