package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.RawHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code replay --from-topic}: republishes the raw records of an existing raw topic whose timestamps (event times)
 * fall in [since, until), in event-time order, with new run/sequence headers — e.g. last month's live input into a
 * backtest's prefixed topics. Headers (format, origin, error, time source) and timestamps are kept; a record
 * without an origin header gets {@code topic/partition/offset} of the source.
 *
 * <p>Order: a streaming merge of the partitions by timestamp (ties: partition, then offset), with bounded memory.
 * It is exact when each partition is in timestamp order, as {@code replay} and {@code scan} write them; records
 * that are out of order within their partition keep their partition order.
 */
public final class TopicReplayJob {

    private static final int MAX_BUFFERED_PER_PARTITION = 2000;

    private TopicReplayJob() {
    }

    public static IngestSummary run(String sourceTopic, Instant since, Instant until, IngestOptions options,
            ReplayOptions replay) {
        Properties cfg = new Properties();
        cfg.putAll(options.clientProperties());
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cfg, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            MergedRecords merged = new MergedRecords(consumer, sourceTopic, since, until);
            Pacer pacer = new Pacer(replay.speed(), replay.maxWait(), System::nanoTime, Pacer.THREAD_SLEEP);
            return IngestJob.publish(merged, merged.upperBound(), options, () -> 0L, List::of,
                    unit -> pacer.await(unit.eventTime()));
        }
    }

    /** The source records in [since, until) as units, merged across partitions by timestamp. */
    static final class MergedRecords implements Iterator<InputUnit> {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final long untilMs;
        private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffered = new HashMap<>();
        private final Map<TopicPartition, Long> end;
        private final long upperBound;
        private InputUnit next;

        MergedRecords(KafkaConsumer<byte[], byte[]> consumer, String topic, Instant since, Instant until) {
            this.consumer = consumer;
            this.untilMs = until == null ? Long.MAX_VALUE : until.toEpochMilli();
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            if (partitions.isEmpty()) {
                throw new PublishException("topic " + topic + " does not exist", null);
            }
            consumer.assign(partitions);
            end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since == null ? 0L : since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            long bound = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = start.get(tp);
                long from = o == null ? end.get(tp) : o.offset();
                consumer.seek(tp, from);
                bound += end.get(tp) - from;
                buffered.put(tp, new ArrayDeque<>());
            }
            upperBound = bound;
        }

        /** Records in range, at most (records outside [since, until) are skipped). */
        long upperBound() {
            return upperBound;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                ConsumerRecord<byte[], byte[]> r = takeEarliest();
                if (r == null) {
                    return false;
                }
                if (r.timestamp() < untilMs) {
                    next = unit(r);
                }
            }
            return true;
        }

        @Override
        public InputUnit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            InputUnit u = next;
            next = null;
            return u;
        }

        /** The buffered record with the smallest timestamp once every unfinished partition has one buffered. */
        private ConsumerRecord<byte[], byte[]> takeEarliest() {
            while (true) {
                boolean waiting = false;
                for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : buffered.entrySet()) {
                    if (e.getValue().isEmpty() && consumer.position(e.getKey()) < end.get(e.getKey())) {
                        waiting = true;
                    }
                }
                if (waiting) {
                    fill();
                    continue;
                }
                TopicPartition best = null;
                for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : buffered.entrySet()) {
                    ConsumerRecord<byte[], byte[]> head = e.getValue().peekFirst();
                    if (head != null && (best == null || earlier(head, buffered.get(best).peekFirst()))) {
                        best = e.getKey();
                    }
                }
                return best == null ? null : buffered.get(best).pollFirst();
            }
        }

        private static boolean earlier(ConsumerRecord<byte[], byte[]> a, ConsumerRecord<byte[], byte[]> b) {
            if (a.timestamp() != b.timestamp()) {
                return a.timestamp() < b.timestamp();
            }
            return a.partition() != b.partition() ? a.partition() < b.partition() : a.offset() < b.offset();
        }

        private void fill() {
            List<TopicPartition> full = new ArrayList<>();
            buffered.forEach((tp, q) -> {
                if (q.size() >= MAX_BUFFERED_PER_PARTITION) {
                    full.add(tp);
                }
            });
            consumer.pause(full);
            consumer.resume(buffered.keySet().stream().filter(tp -> !full.contains(tp)).toList());
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(tp)) {
                    buffered.get(tp).addLast(r);
                }
            }
        }

        private static InputUnit unit(ConsumerRecord<byte[], byte[]> r) {
            Headers h = r.headers();
            String origin = header(h, RawHeaders.ORIGIN);
            if (origin == null) {
                origin = r.topic() + "/" + r.partition() + "/" + r.offset();
            }
            String formatName = header(h, RawHeaders.FORMAT);
            InputFormat format = formatName == null ? InputFormat.JSON
                    : InputFormat.fromWireName(formatName).orElse(InputFormat.JSON);
            String error = header(h, RawHeaders.ERROR);
            if (formatName != null && InputFormat.fromWireName(formatName).isEmpty() && error == null) {
                error = "unknown input format \"" + formatName + "\" in header " + RawHeaders.FORMAT;
            }
            byte[] key = r.key();
            return new InputUnit(r.value() == null ? new byte[0] : r.value(), format, origin, error,
                    Instant.ofEpochMilli(Math.max(0L, r.timestamp())), header(h, RawHeaders.TIME_SOURCE),
                    key == null ? origin : new String(key, StandardCharsets.UTF_8));
        }

        private static String header(Headers headers, String name) {
            Header h = headers.lastHeader(name);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }
}
