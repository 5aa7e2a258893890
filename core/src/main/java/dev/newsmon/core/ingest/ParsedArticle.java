package dev.newsmon.core.ingest;

import java.time.Instant;

/**
 * An input that parsed: the article fields, with the main text already extracted.
 *
 * @param givenId           the input's own {@code id}, or null
 * @param publishedAtSource {@code input}, {@code html-meta}, {@code text}, {@code file-time} or {@code ingest-time}
 */
public record ParsedArticle(String givenId, String url, String source, String title, String text, String lang,
        Instant publishedAt, String publishedAtSource, String origin) {
}
