package dev.newsmon.core.model;

import java.util.Objects;

/**
 * A character range [start, end) in one field of the original (not normalized) article text.
 *
 * @param field {@code "title"} or {@code "text"}
 */
public record Span(String field, int start, int end) {

    public static final String TITLE = "title";
    public static final String TEXT = "text";

    public Span {
        Objects.requireNonNull(field, "field");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
