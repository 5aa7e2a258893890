package dev.newsmon.topology.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.topology.TopicPartitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live alert feed of one {@code run} process: a consumer of the alerts topic ({@code read_committed}, no consumer
 * group: every instance sees every alert), a ring buffer of the most recent alerts for page loads and reconnects, and
 * fan-out to subscribers (the Server-Sent-Events streams). Event ids are {@code partition-offset} on the alerts
 * topic, so they mean the same on every instance.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    /** What a subscriber queue may hold by default before the subscriber is dropped (it reconnects with Last-Event-ID). */
    static final int SUBSCRIBER_QUEUE = 256;

    /** One alert: its event id, the alert JSON (one line), and the entity ids it matches. */
    public record Item(String eventId, String json, Set<String> entityIds) {
        static final Item END = new Item("", "", Set.of());
    }

    /** What a new subscriber gets: the buffered alerts it asked for, then everything that arrives. */
    public record Subscription(List<Item> backlog, BlockingQueue<Item> queue) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final int capacity;
    private final ArrayDeque<Item> buffer = new ArrayDeque<>();
    private final List<BlockingQueue<Item>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean caughtUp;

    public AlertFeed(Map<String, Object> clientConfig, String topic, int capacity) {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cfg.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.capacity = Math.max(1, capacity);
        this.thread = new Thread(this::run, "newsmon-alert-feed");
        this.thread.setDaemon(true);
    }

    public AlertFeed start() {
        thread.start();
        return this;
    }

    /** True once the buffer holds the recent alerts that were on the topic at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public int capacity() {
        return capacity;
    }

    /** The newest {@code limit} buffered alerts matching {@code entity} (null: all), newest first. */
    public synchronized List<Item> recent(int limit, String entity) {
        List<Item> out = new ArrayList<>();
        var it = buffer.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            Item item = it.next();
            if (entity == null || item.entityIds().contains(entity)) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * Registers a subscriber. Backlog: the buffered alerts after {@code lastEventId} when it is still buffered, else
     * the newest {@code backlog} alerts; oldest first, so that a page prepending each shows newest first.
     */
    public Subscription subscribe(String lastEventId, int backlog) {
        return subscribe(lastEventId, backlog, SUBSCRIBER_QUEUE);
    }

    /** Like {@link #subscribe(String, int)}, dropping the subscriber once it is {@code maxQueued} events behind. */
    public synchronized Subscription subscribe(String lastEventId, int backlog, int maxQueued) {
        List<Item> all = new ArrayList<>(buffer);
        int from = Math.max(0, all.size() - Math.max(0, backlog));
        if (lastEventId != null) {
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).eventId().equals(lastEventId)) {
                    from = i + 1;
                    break;
                }
            }
        }
        BlockingQueue<Item> queue = new LinkedBlockingQueue<>(Math.max(1, maxQueued));
        if (stopping) {
            queue.add(Item.END);
        } else {
            subscribers.add(queue);
        }
        return new Subscription(List.copyOf(all.subList(from, all.size())), queue);
    }

    public void unsubscribe(BlockingQueue<Item> queue) {
        subscribers.remove(queue);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Adds an alert as if read from the topic (tests, and feeds without a consumer). */
    synchronized void append(Item item) {
        buffer.addLast(item);
        while (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        for (BlockingQueue<Item> q : subscribers) {
            if (!q.offer(item)) {
                // A subscriber that does not keep up is dropped; it reconnects and resumes from the buffer.
                subscribers.remove(q);
                q.clear();
                q.offer(Item.END);
            }
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - capacity));
            }
            loadRecent(partitions, end);
            caughtUp = true;
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    Item item = item(r);
                    if (item != null) {
                        append(item);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The live alert feed stopped: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Reads up to the end offsets seen at start, then buffers those alerts in record-time order. */
    private void loadRecent(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, byte[]>> recent = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stopping && System.nanoTime() < deadline
                && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            consumer.poll(Duration.ofMillis(250)).forEach(recent::add);
        }
        recent.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingLong(ConsumerRecord::timestamp)
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        for (ConsumerRecord<String, byte[]> r : recent) {
            Item item = item(r);
            if (item != null) {
                append(item);
            }
        }
    }

    private static Item item(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            JsonNode alert = Json.mapper().readTree(r.value());
            if (alert == null || !alert.isObject()) {
                return null;
            }
            Set<String> entities = new java.util.LinkedHashSet<>();
            alert.path("matches").forEach(m -> entities.add(m.path("entityId").asText()));
            // Re-serialised compactly: one line, whatever the producer wrote.
            return new Item(r.partition() + "-" + r.offset(), Json.mapper().writeValueAsString(alert),
                    Set.copyOf(entities));
        } catch (IOException e) {
            LOG.debug("Skipping an alert record that is not JSON: {}",
                    new String(r.value(), 0, Math.min(80, r.value().length), StandardCharsets.UTF_8));
            return null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
        } else {
            consumer.wakeup();
        }
        for (BlockingQueue<Item> q : subscribers) {
            q.clear();
            q.offer(Item.END);
        }
        subscribers.clear();
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
