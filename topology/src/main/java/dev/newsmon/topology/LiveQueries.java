package dev.newsmon.topology;

import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Interactive queries on a running topology: the watchlist (a global store, on every instance) and the trend counts
 * (in the single sequenced task, so on exactly one instance; {@link #locateTrends()} says which).
 */
public final class LiveQueries {

    /** The newest event time is "now" for these views, so a replayed archive shows its own last day or week. */
    public record TopEntities(Instant asOf, Instant from, Duration window, Duration step, List<EntityTrend> entities) {
    }

    /**
     * @param total  unique articles mentioning the entity in the window
     * @param series the same, per {@code step}, oldest first
     */
    public record EntityTrend(String entityId, String name, EntityType type, boolean tracked, long total,
            List<Long> series) {
    }

    /** Where the trend store can be read now. */
    public sealed interface TrendLocation {
    }

    public record Local(ReadOnlyKeyValueStore<Bytes, Long> counts, ReadOnlyKeyValueStore<String, byte[]> meta)
            implements TrendLocation {
    }

    public record Remote(HostInfo host) implements TrendLocation {
    }

    /** @param reason a sentence for the person calling the API */
    public record Unavailable(String reason) implements TrendLocation {
    }

    private final KafkaStreams streams;
    private final TopologyConfig config;

    public LiveQueries(KafkaStreams streams, TopologyConfig config) {
        this.streams = streams;
        this.config = config;
    }

    public boolean trendsEnabled() {
        return config.trends().enabled();
    }

    public TrendConfig trendConfig() {
        return config.trends();
    }

    /** The watchlist as this instance's global store holds it (changes appear within a second of being written). */
    public Watchlist watchlist() {
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store = streams.store(StoreQueryParameters
                .fromNameAndType(NewsmonTopology.WATCHLIST_STORE, QueryableStoreTypes.timestampedKeyValueStore()));
        List<WatchlistEntry> entries = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> kv = it.next();
                if (kv.value != null && kv.value.value() != null) {
                    WatchlistEntry entry = WatchlistView.parse(kv.key, kv.value.value());
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(WatchlistEntry::id));
        return Watchlist.of(entries);
    }

    /** This instance's trend stores, the instance that hosts them, or why neither is known. */
    public TrendLocation locateTrends() {
        if (!trendsEnabled()) {
            return new Unavailable("trend alerts are off in this instance (--trends false)");
        }
        try {
            Local local = new Local(
                    streams.store(StoreQueryParameters.fromNameAndType(NewsmonTopology.TREND_COUNTS_STORE,
                            QueryableStoreTypes.<Bytes, Long>keyValueStore())),
                    streams.store(StoreQueryParameters.fromNameAndType(NewsmonTopology.TREND_META_STORE,
                            QueryableStoreTypes.<String, byte[]>keyValueStore())));
            // The facade is handed out even when no local task holds the store; a read tells.
            local.meta().get(TrendState.CLOCK);
            return local;
        } catch (InvalidStateStoreException notHere) {
            // The store's task reads the one-partition sequencer topic: every key lives on the same instance.
            KeyQueryMetadata where;
            try {
                where = streams.queryMetadataForKey(NewsmonTopology.TREND_COUNTS_STORE, "any",
                        Serdes.String().serializer());
            } catch (RuntimeException e) {
                return new Unavailable("the trend store cannot be located now (" + e.getMessage() + ")");
            }
            if (where == null || where == KeyQueryMetadata.NOT_AVAILABLE || where.activeHost() == null
                    || where.activeHost().equals(HostInfo.unavailable())) {
                return new Unavailable("the trend store is not available on this instance and its host is not known "
                        + "(rebalancing, or application.server is not set): " + notHere.getMessage());
            }
            return new Remote(where.activeHost());
        }
    }

    /**
     * The entities most mentioned over the last {@code window} of event time, with a series per {@code step}.
     * Reads the whole counts store once (entities × buckets of the baseline: tens of thousands of small entries).
     */
    public static TopEntities top(Local stores, Duration window, Duration step, int limit, Watchlist watchlist) {
        Long clock = TrendState.readLong(stores.meta(), TrendState.CLOCK);
        if (clock == null) {
            return new TopEntities(null, null, window, step, List.of());
        }
        long stepMs = step.toMillis();
        long end = Math.floorDiv(clock, stepMs) * stepMs + stepMs;
        long from = end - window.toMillis();
        int points = (int) Math.max(1, window.toMillis() / stepMs);
        Map<String, long[]> series = new HashMap<>();
        try (KeyValueIterator<Bytes, Long> it = stores.counts().all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, Long> kv = it.next();
                long bucket = TrendState.bucketOf(kv.key);
                if (kv.value == null || bucket < from || bucket >= end) {
                    continue;
                }
                int index = (int) Math.min(points - 1, (bucket - from) / stepMs);
                series.computeIfAbsent(TrendState.entityOf(kv.key), k -> new long[points])[index] += kv.value;
            }
        }
        List<EntityTrend> trends = new ArrayList<>();
        for (Map.Entry<String, long[]> e : series.entrySet()) {
            TrendState.EntityName name = TrendState.readName(stores.meta(), e.getKey());
            trends.add(new EntityTrend(e.getKey(), name == null ? e.getKey() : name.name(),
                    name == null ? null : name.type(), watchlist.tracks(e.getKey()), Arrays.stream(e.getValue()).sum(),
                    Arrays.stream(e.getValue()).boxed().toList()));
        }
        trends.sort(Comparator.comparingLong(EntityTrend::total).reversed().thenComparing(EntityTrend::entityId));
        return new TopEntities(Instant.ofEpochMilli(clock), Instant.ofEpochMilli(from), window, step,
                List.copyOf(trends.subList(0, Math.min(Math.max(limit, 0), trends.size()))));
    }
}
