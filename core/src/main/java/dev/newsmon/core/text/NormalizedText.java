package dev.newsmon.core.text;

import java.util.Objects;

/**
 * Text after {@link TextNormalizer}, with a map from every normalized character back to the original text so
 * that matches found on the normalized form are reported at original offsets. Immutable.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] toOriginal;

    NormalizedText(String original, String text, int[] toOriginal) {
        this.original = Objects.requireNonNull(original);
        this.text = Objects.requireNonNull(text);
        this.toOriginal = toOriginal;
        if (toOriginal.length != text.length()) {
            throw new IllegalArgumentException("offset map does not cover the normalized text");
        }
    }

    public String original() {
        return original;
    }

    /** The normalized text. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Original offset of the normalized character at {@code index} (the original length past the end). */
    public int originalStart(int index) {
        if (index < 0) {
            return 0;
        }
        if (index >= toOriginal.length) {
            return original.length();
        }
        return toOriginal[index];
    }

    /**
     * Original end offset (exclusive) of a normalized range ending (exclusive) at {@code end}: past the original
     * character that produced the last normalized character, and past the harakat or tatweel written right
     * after it, so the span covers the whole written word.
     */
    public int originalEnd(int end) {
        return OffsetMap.originalEnd(original, toOriginal, toOriginal.length, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
