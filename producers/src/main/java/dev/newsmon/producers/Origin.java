package dev.newsmon.producers;

import java.util.Objects;

/**
 * Where a unit came from, kept in parts so a replay index can store it compactly.
 *
 * @param base      the path as the user gave it (relative paths stay relative) or the feed URL
 * @param separator {@code ':'} for a line number, {@code '#'} for an element or item number, 0 for a whole file
 * @param number    the 1-based line, element or item number; ignored when {@code separator} is 0
 */
record Origin(String base, char separator, long number) {

    static final char LINE = ':';
    static final char ITEM = '#';
    static final char WHOLE = 0;

    Origin {
        Objects.requireNonNull(base, "base");
    }

    static Origin whole(String base) {
        return new Origin(base, WHOLE, 0);
    }

    static Origin line(String base, long line) {
        return new Origin(base, LINE, line);
    }

    static Origin item(String base, long n) {
        return new Origin(base, ITEM, n);
    }

    @Override
    public String toString() {
        return separator == WHOLE ? base : base + separator + number;
    }
}
