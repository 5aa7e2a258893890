package dev.newsmon.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.core.watchlist.WatchlistFile;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current watchlist as seen through the global store, re-read at most every {@code refresh}, and the tagger
 * that knows the watchlist's own names. Taggers are shared between tasks: building one is not free.
 */
final class WatchlistView {

    private static final Logger LOG = LoggerFactory.getLogger(WatchlistView.class);
    private static final ConcurrentHashMap<List<WatchlistEntry>, EntityTagger> TAGGERS = new ConcurrentHashMap<>();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final TimestampedKeyValueStore<String, byte[]> store;
    private final long refreshNanos;
    private long lastRead = Long.MIN_VALUE;
    private Watchlist watchlist = Watchlist.of(List.of());
    private EntityTagger tagger = EntityTagger.builtIn();

    WatchlistView(TimestampedKeyValueStore<String, byte[]> store, Duration refresh) {
        this.store = store;
        this.refreshNanos = refresh.toNanos();
    }

    Watchlist watchlist() {
        refreshIfDue();
        return watchlist;
    }

    EntityTagger tagger() {
        refreshIfDue();
        return tagger;
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (lastRead != Long.MIN_VALUE && now - lastRead < refreshNanos) {
            return;
        }
        lastRead = now;
        List<WatchlistEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> kv = it.next();
                if (kv.value == null || kv.value.value() == null) {
                    continue;
                }
                WatchlistEntry entry = parse(kv.key, kv.value.value());
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        Watchlist fresh = Watchlist.of(entries);
        if (!fresh.equals(watchlist)) {
            watchlist = fresh;
            List<WatchlistEntry> named = entries.stream().filter(WatchlistEntry::definesNames).toList();
            tagger = named.isEmpty() ? EntityTagger.builtIn()
                    : TAGGERS.computeIfAbsent(named, n -> new EntityTagger(Gazetteer.builtIn().withWatchlistNames(n)));
            LOG.info("Watchlist now tracks {} entities: {}", watchlist.size(),
                    entries.stream().map(WatchlistEntry::id).toList());
        }
    }

    /** A watchlist record, or null (logged once) when it is not a valid entry: a poison record never stops us. */
    static WatchlistEntry parse(String key, byte[] value) {
        try {
            JsonNode node = Json.mapper().readTree(value);
            if (node != null && node.isObject() && !node.has("id") && key != null) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", key);
            }
            WatchlistEntry entry = WatchlistFile.entry(node == null ? Json.mapper().nullNode() : node,
                    "watchlist record " + key);
            return key != null && !key.equals(entry.id())
                    ? new WatchlistEntry(key, entry.type(), entry.names()) : entry;
        } catch (IOException | IllegalArgumentException e) {
            if (WARNED.add(key + "|" + new String(value, 0, Math.min(value.length, 64),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                LOG.warn("Ignoring an invalid watchlist record (key {}): {}", key, e.getMessage());
            }
            return null;
        }
    }
}
