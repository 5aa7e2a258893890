package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A unique, tagged article as published on the {@code articles} topic.
 *
 * @param id            the article id (given, or derived from the canonical URL or the content)
 * @param canonicalUrl  the URL after canonicalization (null when the input had none)
 * @param publishedAt   event time; {@code publishedAtSource} says where it came from
 * @param origin        where the input came from: {@code file:line} or {@code topic/partition/offset}
 * @param text          the main text the entity offsets refer to (boilerplate removed)
 * @param contentHash   hash of the normalized main text
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Article(
        String id,
        String url,
        String canonicalUrl,
        String source,
        String title,
        String lang,
        Instant publishedAt,
        String publishedAtSource,
        String origin,
        List<EntityMention> entities,
        String text,
        String contentHash) {

    public Article {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
