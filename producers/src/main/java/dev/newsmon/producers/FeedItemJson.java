package dev.newsmon.producers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.core.Hashing;
import dev.newsmon.core.json.Json;
import java.time.Instant;

/**
 * Turns a feed item into the JSON article the topology reads: {@code url}, {@code title}, {@code html} (or
 * {@code body} for plain-text content), {@code publishedAt} (ISO-8601), {@code source} (the channel/feed title),
 * {@code lang}, plus informational {@code guid}, {@code author}, {@code categories}.
 *
 * <p>The guid is deliberately NOT the article {@code id}: the id then comes from the canonical URL, exactly as for
 * the same article read from a JSONL archive or a saved HTML page, so the copies meet in dedup by id and URL.
 * Guids are often opaque ({@code tag:...}, numbers) and differ between a site's feeds for the same story.
 */
final class FeedItemJson {

    private FeedItemJson() {
    }

    static byte[] toJson(FeedItem item, String feedTitle) {
        ObjectNode o = Json.mapper().createObjectNode();
        putIfPresent(o, "url", item.link());
        putIfPresent(o, "title", item.title());
        if (item.html() != null) {
            o.put("html", item.html());
        } else if (item.text() != null) {
            o.put("body", item.text());
        }
        if (item.publishedRaw() != null) {
            Instant t = FeedDates.parse(item.publishedRaw());
            if (t != null) {
                o.put("publishedAt", t.toString());
            } else {
                // An unreadable feed date must not cost the article: keep the text, let the fallback time apply.
                o.put("publishedAtRaw", item.publishedRaw());
            }
        }
        putIfPresent(o, "source", feedTitle);
        putIfPresent(o, "lang", item.lang());
        putIfPresent(o, "guid", item.guid());
        putIfPresent(o, "author", item.author());
        if (!item.categories().isEmpty()) {
            ArrayNode a = o.putArray("categories");
            item.categories().forEach(a::add);
        }
        return Json.writeBytes(o);
    }

    /** What the watcher remembers to recognize an item it has already sent. */
    static String itemKey(FeedItem item) {
        if (item.guid() != null) {
            return "g:" + item.guid();
        }
        if (item.link() != null) {
            return "l:" + item.link();
        }
        String content = item.title() + "\n" + (item.html() != null ? item.html() : item.text());
        return "h:" + Hashing.sha256Hex(content, 32);
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }
}
