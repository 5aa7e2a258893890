package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.tagging.GazetteerEntity;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.core.watchlist.WatchlistFile;
import dev.newsmon.topology.TopicPartitions;
import dev.newsmon.topology.TopicSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "watchlist", mixinStandardHelpOptions = true,
        description = "Manages tracked entities at runtime (a compacted topic): running processors apply changes to "
                + "the next articles, without a restart.",
        subcommands = {WatchlistCommand.Add.class, WatchlistCommand.Remove.class, WatchlistCommand.List_.class})
final class WatchlistCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "add, remove or list is required");
    }

    /** Watchlist refresh (0.5 s) plus transaction commit interval, with a wide margin. */
    static final java.time.Duration BACKFILL_SETTLE = java.time.Duration.ofSeconds(3);

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Tracks an entity: a built-in gazetteer id, or a new entity defined with --name.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Entity id, e.g. khalifa-haftar or my-new-group.")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "A name to match (Arabic or Latin; repeatable). "
                + "Defines a new entity, or adds aliases to a built-in one.")
        List<String> names = new ArrayList<>();

        @Option(names = "--type", paramLabel = "PERSON|ORG|PLACE", description = "Type of a new entity (default ORG).")
        EntityType type;

        @Option(names = "--backfill", paramLabel = "SINCE", description = "Also alert (marked backfill: true) on the "
                + "articles already processed that were published since SINCE (ISO-8601 date or time) and mention "
                + "this entity.")
        String backfill;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            Verbosity.apply(kafka.verbose, false);
            WatchlistEntry entry = new WatchlistEntry(id.strip(), type, names.stream().map(String::strip).toList());
            Watchlists.check(entry);
            java.time.Instant since = null;
            if (backfill != null) {
                since = dev.newsmon.core.extract.Dates.parseLenient(backfill);
                if (since == null) {
                    throw new ExitCodes.UsageException("--backfill: \"" + backfill + "\" is not an ISO-8601 date or time");
                }
            }
            try (KafkaConnection conn = KafkaConnection.open(kafka)) {
                TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), 2, (short) -1);
                TopicSetup.publishWatchlist(conn.clientConfig(), kafka.topics().watchlist(), Watchlist.of(List.of(entry)));
                spec.commandLine().getOut().println("tracking " + entry.id());
                if (since != null) {
                    // Let running processors see the change first: later articles get live alerts, so the backfill
                    // covers exactly what was committed before.
                    Thread.sleep(BACKFILL_SETTLE.toMillis());
                    BackfillJob.Result r = BackfillJob.run(conn.clientConfig(), kafka.topics(), entry, since);
                    spec.commandLine().getOut().println("backfill: " + r.alerts() + " alerts from " + r.articlesRead()
                            + " articles published since " + since);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops tracking an entity.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            Verbosity.apply(kafka.verbose, false);
            try (KafkaConnection conn = KafkaConnection.open(kafka)) {
                Watchlist current = read(conn, kafka);
                if (!current.tracks(id)) {
                    String close = Suggestions.closest(id, current.entries().stream().map(WatchlistEntry::id).toList());
                    throw new ExitCodes.UsageException("\"" + id + "\" is not on the watchlist"
                            + (close == null ? "" : "; did you mean " + close + "?"));
                }
                TopicSetup.removeFromWatchlist(conn.clientConfig(), kafka.topics().watchlist(), id);
            }
            spec.commandLine().getOut().println("no longer tracking " + id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prints the tracked entities.")
    static final class List_ implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json")
        AlertFormatter.Format format;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws IOException {
            Verbosity.apply(kafka.verbose, false);
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaConnection conn = KafkaConnection.open(kafka)) {
                for (WatchlistEntry e : read(conn, kafka).entries()) {
                    if (format == AlertFormatter.Format.JSON) {
                        out.println(Json.write(e));
                        continue;
                    }
                    GazetteerEntity known = Gazetteer.builtIn().entity(e.id()).orElse(null);
                    StringBuilder line = new StringBuilder(known != null ? EntityDirectory.describe(known)
                            : e.id() + "  " + (e.type() == null ? EntityType.ORG : e.type()) + "  (user-defined)");
                    if (e.definesNames()) {
                        line.append("  names: ").append(String.join(", ", e.names()));
                    }
                    out.println(line);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** The watchlist as the compacted topic holds it now: the latest record per key, tombstones removing. */
    static Watchlist read(KafkaConnection conn, KafkaOptions kafka) {
        Map<String, Object> cfg = new HashMap<>(conn.clientConfig());
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, WatchlistEntry> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, kafka.topics().watchlist());
            if (partitions.isEmpty()) {
                return Watchlist.of(List.of());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                        continue;
                    }
                    try {
                        JsonNode node = Json.mapper().readTree(r.value());
                        latest.put(r.key(), WatchlistFile.entry(node, "watchlist record " + r.key()));
                    } catch (IOException | IllegalArgumentException e) {
                        // an invalid record is ignored here as it is by the processors
                    }
                }
            }
        }
        return Watchlist.of(latest.values());
    }
}
