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
        if (chars.length < source.length() + 8) {
            int capacity = Math.max(source.length() + 8, chars.length * 2);
            chars = new char[capacity];
            toOriginal = new int[capacity];
        }
    }

    void append(char c, int originalIndex) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, length * 2);
            toOriginal = Arrays.copyOf(toOriginal, length * 2);
        }
        chars[length] = c;
        toOriginal[length] = originalIndex;
        length++;
    }

    /** A white-space separator; never at the start of the text. */
    void appendSeparator(char c, int originalIndex) {
        if (length > 0) {
            append(c, originalIndex);
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
