package dev.newsmon.topology;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates newsmon's topics when they are missing (idempotent) and seeds the default watchlist into a watchlist
 * topic that did not exist before. Raw and output topics keep data forever by default because archives are
 * replayed with their original timestamps, which time-based retention would delete at once.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** @return true when the watchlist topic was created by this call */
    public static boolean ensureTopics(Map<String, Object> adminConfig, Topics topics, int partitions,
            short replicationFactor) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get();
            Map<String, String> keepForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE));
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(topics.raw(), topics.articles(), topics.duplicates(), topics.alerts(),
                    topics.rejected())) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, replicationFactor).configs(keepForever));
                }
            }
            if (!existing.contains(topics.stories())) {
                Map<String, String> compactedStories = new HashMap<>(keepForever);
                compactedStories.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                missing.add(new NewTopic(topics.stories(), partitions, replicationFactor).configs(compactedStories));
            }
            boolean watchlistCreated = !existing.contains(topics.watchlist());
            if (watchlistCreated) {
                Map<String, String> compacted = new HashMap<>(keepForever);
                compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                missing.add(new NewTopic(topics.watchlist(), 1, replicationFactor).configs(compacted));
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                    LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    watchlistCreated = false;
                }
            }
            return watchlistCreated;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Writes watchlist entries (key = id) to the compacted watchlist topic and waits for the acks. */
    public static void publishWatchlist(Map<String, Object> clientConfig, String watchlistTopic, Watchlist watchlist) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (WatchlistEntry entry : watchlist.entries()) {
            records.add(new ProducerRecord<>(watchlistTopic, entry.id(), Json.writeBytes(entry)));
        }
        send(clientConfig, records);
    }

    /** Removes one entry (a tombstone on the compacted topic). */
    public static void removeFromWatchlist(Map<String, Object> clientConfig, String watchlistTopic, String id) {
        send(clientConfig, List.of(new ProducerRecord<>(watchlistTopic, id, null)));
    }

    private static void send(Map<String, Object> clientConfig, List<ProducerRecord<String, byte[]>> records) {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the watchlist", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the watchlist: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
