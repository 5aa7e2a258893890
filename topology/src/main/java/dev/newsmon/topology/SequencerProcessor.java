package dev.newsmon.topology;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the producer's order. The parallel stage runs on many partitions and threads, so items of one producer
 * run reach this single-partition stage interleaved; here they are buffered (in a changelogged store) and released
 * strictly by sequence number. That makes every later decision independent of partition and instance counts.
 *
 * <p>Items without a run/sequence (records from other producers) pass straight through in arrival order. A missing
 * sequence number is waited for at most {@code sequencerGapTimeout} (wall clock), then skipped with a warning.
 */
final class SequencerProcessor implements Processor<String, SequencedItem, String, SequencedItem> {

    private static final Logger LOG = LoggerFactory.getLogger(SequencerProcessor.class);
    private static final char SEP = '\u0000';

    private final Duration gapTimeout;
    private ProcessorContext<String, SequencedItem> context;
    private KeyValueStore<String, byte[]> buffer;
    private KeyValueStore<String, Long> next;
    /** Runs with buffered items, and when each last moved forward (wall clock, not persisted). */
    private final Map<String, Long> waitingSince = new HashMap<>();
    /**
     * How many items each run has in the buffer: derived from the store in {@link #init} and kept in step with it,
     * so that releasing an item in order needs no range scan of the store.
     */
    private final Map<String, Integer> bufferedCount = new HashMap<>();

    SequencerProcessor(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    @Override
    public void init(ProcessorContext<String, SequencedItem> context) {
        this.context = context;
        this.buffer = context.getStateStore(NewsmonTopology.SEQUENCER_BUFFER_STORE);
        this.next = context.getStateStore(NewsmonTopology.SEQUENCER_NEXT_STORE);
        waitingSince.clear();
        bufferedCount.clear();
        try (KeyValueIterator<String, byte[]> it = buffer.all()) {
            while (it.hasNext()) {
                String key = it.next().key;
                bufferedCount.merge(key.substring(0, key.indexOf(SEP)), 1, Integer::sum);
            }
        }
        long now = context.currentSystemTimeMs();
        bufferedCount.keySet().forEach(r -> waitingSince.put(r, now));
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, t -> skipStalledGaps());
    }

    @Override
    public void process(Record<String, SequencedItem> record) {
        long cpu = OrderedLaneMeter.start();
        try {
            sequence(record);
        } finally {
            OrderedLaneMeter.stop(cpu);
        }
    }

    private void sequence(Record<String, SequencedItem> record) {
        SequencedItem item = record.value();
        if (item == null) {
            return;
        }
        if (!item.sequenced()) {
            emit(record.key(), item, record.timestamp());
            return;
        }
        String run = item.run();
        long expected = nextOf(run);
        if (item.seq() > expected) {
            String key = bufferKey(run, item.seq());
            if (buffer.get(key) == null) {
                bufferedCount.merge(run, 1, Integer::sum);
            }
            buffer.put(key, SequencedItemSerde.encode(item));
            waitingSince.putIfAbsent(run, context.currentSystemTimeMs());
            return;
        }
        // item.seq() < expected only after a gap was skipped: release the late item rather than lose it.
        emit(run, item, record.timestamp());
        if (item.seq() == expected) {
            drain(run, expected + 1, record.timestamp());
        }
    }

    /** Releases buffered items of {@code run} from {@code from} on while they are contiguous. */
    private void drain(String run, long from, long fallbackTimestamp) {
        long seq = from;
        int waiting = bufferedCount.getOrDefault(run, 0);
        while (waiting > 0) {
            String key = bufferKey(run, seq);
            byte[] bytes = buffer.get(key);
            if (bytes == null) {
                break;
            }
            buffer.delete(key);
            waiting--;
            emit(run, SequencedItemSerde.decode(bytes), fallbackTimestamp);
            seq++;
        }
        next.put(run, seq);
        if (waiting > 0) {
            bufferedCount.put(run, waiting);
            waitingSince.put(run, context.currentSystemTimeMs());
        } else {
            bufferedCount.remove(run);
            waitingSince.remove(run);
        }
    }

    /**
     * Output records carry the article's own event time; rejections the time of the record that released them. Kafka
     * record timestamps cannot be negative, so an article dated before 1970 goes out at 0 (its publishedAt, which
     * every later stage reads, is untouched).
     *
     * <p>Never throws: an item that cannot be sent on becomes a rejection under its own origin. An exception here
     * would otherwise be blamed on the record being processed (another input, counted twice), lose a buffered item
     * already deleted from the buffer, and leave the run's next sequence number behind (a stall until the gap
     * timeout).
     */
    private void emit(String key, SequencedItem item, long fallbackTimestamp) {
        try {
            long ts = item.analyzed() != null && item.analyzed().article().publishedAt() != null
                    ? item.analyzed().article().publishedAt().toEpochMilli() : fallbackTimestamp;
            context.forward(new Record<>(key, item, Math.max(0L, ts)));
        } catch (RuntimeException e) {
            LOG.error("Cannot send on item {} of run {}; it becomes a rejection", item.seq(), item.run(), e);
            context.forward(new Record<>(key, asRejection(item, e), Math.max(0L, fallbackTimestamp)));
        }
    }

    private static SequencedItem asRejection(SequencedItem item, RuntimeException e) {
        if (item.analyzed() == null) {
            return item;
        }
        Article a = item.analyzed().article();
        Rejection r = new Rejection("Internal error while ordering the article (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", a.id(), a.origin(),
                ArticleParser.excerpt(Json.writeBytes(a)), RejectCode.INTERNAL.wireName());
        return new SequencedItem(item.run(), item.seq(), null, r, item.ingestedAtMs());
    }

    private void skipStalledGaps() {
        long now = context.currentSystemTimeMs();
        for (String run : java.util.List.copyOf(waitingSince.keySet())) {
            if (now - waitingSince.get(run) < gapTimeout.toMillis()) {
                continue;
            }
            KeyValue<String, byte[]> first = firstBuffered(run);
            if (first == null) {
                waitingSince.remove(run);
                bufferedCount.remove(run);
                continue;
            }
            long firstSeq = seqOf(first.key);
            LOG.warn("Producer run {}: records {}..{} did not arrive within {} s; continuing without them", run,
                    nextOf(run), firstSeq - 1, gapTimeout.toSeconds());
            drain(run, firstSeq, context.currentSystemTimeMs());
        }
    }

    private long nextOf(String run) {
        Long n = next.get(run);
        return n == null ? 0L : n;
    }

    private KeyValue<String, byte[]> firstBuffered(String run) {
        try (KeyValueIterator<String, byte[]> it = buffer.range(run + SEP, run + (char) (SEP + 1))) {
            return it.hasNext() ? it.next() : null;
        }
    }

    static String bufferKey(String run, long seq) {
        return run + SEP + String.format(Locale.ROOT, "%019d", seq);
    }

    private static long seqOf(String bufferKey) {
        return Long.parseLong(bufferKey.substring(bufferKey.indexOf(SEP) + 1));
    }
}
