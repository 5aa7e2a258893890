package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.Hashing;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.pipeline.AlertFactory;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.topology.TopicPartitions;
import dev.newsmon.topology.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill for a newly tracked entity: reads the unique articles already published since a time, tags them with the
 * current tagger (so user-defined names count too) and raises one alert per article that mentions the entity,
 * marked {@code backfill: true}, matching only that entity (old entities are not alerted again).
 *
 * <p>It reads the {@code articles} topic rather than the raw one: those are exactly the articles the pipeline judged
 * new, so duplicates are not alerted and no dedup decision is redone. It stops at the end of the topic as of the
 * moment the live processors already track the entity; later articles get live alerts. Alert ids are
 * deterministic ({@code al-} + hash of article id, "backfill", entity id), and the alerts are written with one
 * transactional producer, so a backfill's alerts become visible to read_committed consumers all at once, or not at all.
 */
final class BackfillJob {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillJob.class);

    record Result(long articlesRead, long alerts) {
    }

    private BackfillJob() {
    }

    static Result run(Map<String, Object> clientConfig, Topics topics, WatchlistEntry entry, Instant since) {
        EntityTagger tagger = entry.definesNames()
                ? new EntityTagger(Gazetteer.builtIn().withWatchlistNames(List.of(entry))) : EntityTagger.builtIn();
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long read = 0;
        long alerts = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = transactionalProducer(clientConfig, entry.id(), since)) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topics.articles());
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = start.get(tp);
                consumer.seek(tp, o == null ? end.get(tp) : o.offset());
            }
            producer.initTransactions();
            producer.beginTransaction();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    read++;
                    Alert alert = alertFor(r.value(), entry.id(), since, tagger);
                    if (alert != null) {
                        producer.send(new ProducerRecord<>(topics.alerts(), null, r.timestamp(),
                                alert.alertId().getBytes(StandardCharsets.UTF_8), Json.writeBytes(alert)));
                        alerts++;
                    }
                }
            }
            producer.commitTransaction();
        }
        LOG.info("Backfill of {} since {}: {} articles read, {} alerts", entry.id(), since, read, alerts);
        return new Result(read, alerts);
    }

    static Alert alertFor(byte[] articleJson, String entityId, Instant since, EntityTagger tagger) {
        JsonNode a;
        try {
            a = Json.mapper().readTree(articleJson);
        } catch (IOException e) {
            return null;
        }
        Instant published = dev.newsmon.core.extract.Dates.parseLenient(a.path("publishedAt").asText(null));
        if (published == null || published.isBefore(since)) {
            return null;
        }
        for (EntityMention m : tagger.tag(a.path("title").asText(""), a.path("text").asText(""))) {
            if (m.id().equals(entityId)) {
                String articleId = a.path("id").asText();
                return new Alert("al-" + Hashing.sha256Hex(articleId + "\nbackfill\n" + entityId, 20),
                        Alert.KIND_ARTICLE, articleId, a.path("title").asText(null), a.path("url").asText(null),
                        a.path("canonicalUrl").asText(null), a.path("source").asText(null),
                        a.path("lang").asText(null), published, Instant.now(),
                        List.of(AlertFactory.match(m, a.path("title").asText(""), a.path("text").asText(""))),
                        null, true, null);
            }
        }
        return null;
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(Map<String, Object> clientConfig, String entity,
            Instant since) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // One transactional id per (entity, since): a crashed backfill's open transaction is fenced and aborted by
        // the next attempt, so its half-written alerts never become visible.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsmon-backfill-" + Hashing.sha256Hex(entity + "|" + since, 16));
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
