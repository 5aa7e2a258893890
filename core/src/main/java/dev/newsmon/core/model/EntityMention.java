package dev.newsmon.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One entity found in an article: who or what, how often, where (offsets into the original title and
 * text), and a snippet of the original text around the first mention.
 */
public record EntityMention(
        String id,
        EntityType type,
        String name,
        int mentions,
        boolean inTitle,
        List<Span> offsets,
        String snippet) {

    public EntityMention {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
        snippet = snippet == null ? "" : snippet;
    }
}
