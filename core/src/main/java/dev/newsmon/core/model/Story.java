package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * How widely one story was carried: the original article and the copies seen of it so far (compacted
 * {@code stories} topic, keyed by the original's id; the latest record per key is the current count).
 *
 * @param storyId    the original article's id
 * @param copies     duplicates of it seen so far (0 when only the original)
 * @param sources    distinct sources that carried it, the original's first (at most {@link #MAX_SOURCES})
 * @param lastCopyAt publication time of the latest copy, null while there is none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Story(String storyId, String title, String url, String source, Instant publishedAt, int copies,
        List<String> sources, Instant lastCopyAt) {

    public static final int MAX_SOURCES = 50;

    public Story {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
