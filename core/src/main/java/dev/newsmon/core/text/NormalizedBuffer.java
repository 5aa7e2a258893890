package dev.newsmon.core.text;

import java.util.Arrays;

/**
 * A reusable, growable normalization target: normalized characters plus, for each, the index of the original
 * character it came from. One buffer per thread lets hot loops normalize without allocating; it is not
 * thread-safe. {@link #toNormalizedText()} copies it into the immutable {@link NormalizedText}.
 */
public final class NormalizedBuffer {

    private String original = "";
    private char[] chars;
    private int[] toOriginal;
    private int length;
    /** [start, end) in the original of each white-space run other than a single ' ', ascending. */
    private int[] irregularSpaces = new int[32];
    private int irregularCount;
    /** The source's chars, copied in bulk: reading an array is faster than String.charAt. */
    private char[] sourceChars = new char[0];

    public NormalizedBuffer() {
        this(256);
    }

    public NormalizedBuffer(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        chars = new char[capacity];
        toOriginal = new int[capacity];
    }

    void reset(String source) {
        original = source;
        length = 0;
        irregularCount = 0;
        if (sourceChars.length < source.length()) {
            sourceChars = new char[Math.max(source.length(), sourceChars.length * 2)];
        }
        source.getChars(0, source.length(), sourceChars, 0);
        if (chars.length < source.length() + 8) {
            int capacity = Math.max(source.length() + 8, chars.length * 2);
            chars = new char[capacity];
            toOriginal = new int[capacity];
        }
    }

    char[] sourceChars() {
        return sourceChars;
    }

    void addIrregularSpace(int start, int end) {
        if (2 * irregularCount + 2 > irregularSpaces.length) {
            irregularSpaces = Arrays.copyOf(irregularSpaces, irregularSpaces.length * 2);
        }
        irregularSpaces[2 * irregularCount] = start;
        irregularSpaces[2 * irregularCount + 1] = end;
        irregularCount++;
    }

    /**
     * The original [from, to) with every white-space run shown as one ' ', for a range that starts and ends
     * with a non-space. Uses the runs recorded during normalization: the text between them is copied in bulk,
     * only the recorded runs are looked at char by char.
     */
    String collapsedOriginal(int from, int to) {
        int run = firstRunAtOrAfter(from);
        if (run >= irregularCount || irregularSpaces[2 * run] >= to) {
            return original.substring(from, to);
        }
        char[] out = new char[to - from];
        int k = 0;
        int at = from;
        for (; run < irregularCount && irregularSpaces[2 * run] < to; run++) {
            int start = irregularSpaces[2 * run];
            int end = Math.min(irregularSpaces[2 * run + 1], to);
            original.getChars(at, start, out, k);
            k = Snippets.collapse(sourceChars, start, end, out, k + start - at);
            at = end;
        }
        original.getChars(at, to, out, k);
        k += to - at;
        return new String(out, 0, k);
    }

    private int firstRunAtOrAfter(int from) {
        int lo = 0;
        int hi = irregularCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (irregularSpaces[2 * mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    char[] charArray() {
        return chars;
    }

    int[] offsetArray() {
        return toOriginal;
    }

    void setLength(int length) {
        this.length = length;
    }

    /** Room for {@code capacity} chars, keeping the first {@link #length()}. */
    void ensureCapacity(int capacity) {
        if (capacity > chars.length) {
            int size = Math.max(capacity, chars.length * 2);
            chars = Arrays.copyOf(chars, size);
            toOriginal = Arrays.copyOf(toOriginal, size);
        }
    }

    /** The normalized characters; valid in [0, {@link #length()}), owned by this buffer. */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return length;
    }

    public String original() {
        return original;
    }

    /** Original offset of the normalized character at {@code index} (the original length past the end). */
    public int originalStart(int index) {
        return index >= length ? original.length() : toOriginal[index];
    }

    /** Original end (exclusive) of the normalized range ending at {@code end}; see {@link NormalizedText}. */
    public int originalEnd(int end) {
        return OffsetMap.originalEnd(original, toOriginal, length, end);
    }

    public NormalizedText toNormalizedText() {
        return new NormalizedText(original, new String(chars, 0, length), Arrays.copyOf(toOriginal, length));
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
