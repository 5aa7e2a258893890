package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An input judged to repeat an earlier article, as published on the {@code duplicates} topic.
 *
 * @param similarity 0..1; 1.0 for url and content matches
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Duplicate(
        String id,
        String duplicateOf,
        DedupMethod method,
        double similarity,
        String title,
        String url,
        String source,
        Instant publishedAt,
        String origin) {
}
