package dev.newsmon.topology;

import dev.newsmon.core.json.Json;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the newsmon topology:
 *
 * <pre>
 * articles.raw ─► analyze (parse, extract, fingerprint, tag; parallel, N partitions)
 *              ─► sequencer (1 partition: producer order restored) ─► dedup ─► stories ─► alert ─► trend (optional)
 *              ─► articles | duplicates | alerts | rejected | stories (copies per original)
 * watchlist (compacted) ─► global store, read by analyze (user names) and alert (tracked ids)
 * </pre>
 */
public final class NewsmonTopology {

    public static final String WATCHLIST_STORE = "watchlist-store";
    public static final String SEQUENCER_BUFFER_STORE = "sequencer-buffer";
    public static final String SEQUENCER_NEXT_STORE = "sequencer-next";
    /** One record per unique article or duplicate's aliases (IndexedDedupState); the old "dedup-state" is not read. */
    public static final String DEDUP_STORE = "dedup-journal";
    public static final String DEDUP_CLOCK_STORE = "dedup-clock";
    public static final String LINES_STORE = "recurring-lines";
    public static final String STORIES_STORE = "stories-state";
    public static final String TREND_COUNTS_STORE = "trend-counts";
    public static final String TREND_META_STORE = "trend-meta";

    private NewsmonTopology() {
    }

    public static Topology build(TopologyConfig config) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();

        builder.globalTable(topics.watchlist(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("watchlist"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(WATCHLIST_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));

        // Cached: an item buffered and released within one commit interval never reaches RocksDB or the
        // changelog, and the per-run counter is written once per commit instead of once per record.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEQUENCER_BUFFER_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEQUENCER_NEXT_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEDUP_STORE),
                Serdes.Long(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEDUP_CLOCK_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES_STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE),
                Serdes.String(), Serdes.ByteArray()));

        KStream<String, Emitted> outputs = builder
                .stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withTimestampExtractor(new RecordTimeOrNowExtractor()).withName("raw"))
                .process(() -> new AnalyzeProcessor(config), Named.as("analyze"))
                .repartition(Repartitioned.with(Serdes.String(), new SequencedItemSerde())
                        .withName("sequencer").withNumberOfPartitions(1))
                .process(() -> new SequencerProcessor(config.sequencerGapTimeout()), Named.as("sequence"),
                        SEQUENCER_BUFFER_STORE, SEQUENCER_NEXT_STORE)
                .process(() -> new DedupProcessor(config), Named.as("dedup"),
                        DEDUP_STORE, DEDUP_CLOCK_STORE, LINES_STORE)
                .process(() -> new StoryProcessor(config), Named.as("stories"),
                        STORIES_STORE, DEDUP_CLOCK_STORE)
                .process(() -> new AlertProcessor(config), Named.as("alert"));
        if (config.trends().enabled()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TREND_COUNTS_STORE),
                    Serdes.Bytes(), Serdes.Long()));
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TREND_META_STORE),
                    Serdes.String(), Serdes.ByteArray()));
            outputs = outputs.process(() -> new TrendProcessor(config), Named.as("trend"),
                    TREND_COUNTS_STORE, TREND_META_STORE);
        }

        outputs.split(Named.as("to-"))
                .branch((k, v) -> v.kind() == Emitted.Kind.ARTICLE, to(topics.articles(), "articles"))
                .branch((k, v) -> v.kind() == Emitted.Kind.DUPLICATE, to(topics.duplicates(), "duplicates"))
                .branch((k, v) -> v.kind() == Emitted.Kind.ALERT, to(topics.alerts(), "alerts"))
                .branch((k, v) -> v.kind() == Emitted.Kind.REJECTED, to(topics.rejected(), "rejected"))
                .branch((k, v) -> v.kind() == Emitted.Kind.STORY, to(topics.stories(), "stories"))
                .noDefaultBranch();
        return builder.build();
    }

    private static Branched<String, Emitted> to(String topic, String name) {
        return Branched.withConsumer(s -> s
                .mapValues(v -> v.json() != null ? v.json() : Json.writeBytes(v.payload()), Named.as("json-" + name))
                .to(topic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("sink-" + name)), name);
    }
}
