package dev.newsmon.core.text;

/** Maps the end of a normalized range back to the original text. */
final class OffsetMap {

    private OffsetMap() {
    }

    /**
     * The end (exclusive) in {@code original} of the normalized range [.., end): past the original character
     * that produced normalized character {@code end - 1}, and past the marks and tatweel written right after it
     * (they were dropped by normalization but belong to the written word).
     */
    static int originalEnd(String original, int[] toOriginal, int length, int end) {
        if (end <= 0 || length == 0) {
            return 0;
        }
        int last = Math.min(end, length) - 1;
        int start = toOriginal[last];
        if (start >= original.length()) {
            return original.length();
        }
        int next = start + 1;
        if (Character.isHighSurrogate(original.charAt(start)) && next < original.length()
                && Character.isLowSurrogate(original.charAt(next))) {
            next++;
        }
        // A ligature expands to several normalized chars: the range ends where the next original char starts.
        int limit = end < length ? toOriginal[end] : original.length();
        while (next < original.length() && next < limit && TextNormalizer.isRemoved(original.charAt(next))
                && !isInvisibleControl(original.charAt(next))) {
            next++;
        }
        return next;
    }

    /** Bidi and zero-width controls are removed too, but they are not part of the word before them. */
    private static boolean isInvisibleControl(char c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
