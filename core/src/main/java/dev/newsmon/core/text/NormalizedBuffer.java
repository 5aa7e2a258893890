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
    /** Original offsets where a white-space run other than a single ' ' starts, ascending. */
    private int[] irregularSpaces = new int[16];
    private int irregularCount;

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
        if (chars.length < source.length() + 8) {
            int capacity = Math.max(source.length() + 8, chars.length * 2);
            chars = new char[capacity];
            toOriginal = new int[capacity];
        }
    }

    void addIrregularSpace(int originalIndex) {
        if (irregularCount == irregularSpaces.length) {
            irregularSpaces = Arrays.copyOf(irregularSpaces, irregularCount * 2);
        }
        irregularSpaces[irregularCount++] = originalIndex;
    }

    /** Whether a white-space run other than a single plain space starts in [from, to) of the original. */
    boolean hasIrregularSpace(int from, int to) {
        int lo = 0;
        int hi = irregularCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = irregularSpaces[mid];
            if (v < from) {
                lo = mid + 1;
            } else if (v >= to) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
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
