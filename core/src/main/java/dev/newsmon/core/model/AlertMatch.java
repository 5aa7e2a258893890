package dev.newsmon.core.model;

/**
 * One tracked entity that an alerted article mentions.
 *
 * @param highlightStart where the mention starts inside {@code snippet} (UTF-16 index, as Java and JavaScript count);
 *                       null when it could not be located
 * @param highlightEnd   where it ends (exclusive); null with {@code highlightStart}
 */
public record AlertMatch(
        String entityId,
        String name,
        EntityType type,
        int mentions,
        boolean inTitle,
        String snippet,
        Integer highlightStart,
        Integer highlightEnd) {
}
