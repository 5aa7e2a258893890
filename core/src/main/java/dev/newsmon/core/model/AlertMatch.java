package dev.newsmon.core.model;

/** One tracked entity that an alerted article mentions. */
public record AlertMatch(
        String entityId,
        String name,
        EntityType type,
        int mentions,
        boolean inTitle,
        String snippet) {
}
