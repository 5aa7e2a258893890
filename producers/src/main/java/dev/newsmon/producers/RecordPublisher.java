package dev.newsmon.producers;

import dev.newsmon.core.ingest.RawHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link InputUnit}s to the raw topic with the contract headers, a gap-free sequence number per run, the
 * event time as record timestamp and the key (JSON id, else origin). Send failures reported by Kafka are counted and
 * kept (never dropped); a failure that would repeat for every record (no broker, no topic, no permission, a fenced
 * or broken idempotent producer) makes the next {@link #send} throw {@link PublishException} so the run stops with
 * a clear reason instead of waiting minutes per record. While Kafka does not answer, a WARN line says so every
 * 30 s, and an INFO line says when it answers again.
 *
 * <p>Not thread-safe for senders: one thread calls {@code send}; callbacks come from the producer's I/O thread.
 */
public final class RecordPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);
    static final int MAX_FAILURE_MESSAGES = 10;
    private static final Duration STALL_AFTER = Duration.ofSeconds(10);
    private static final Duration STALL_REPEAT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final UUID runId;
    private final byte[] runBytes;
    private final String brokers;
    private final LongSupplier nanoTime;
    private final Duration stallAfter;
    private final ScheduledExecutorService monitor;

    private long nextSeq;
    private final Map<String, LongAdder> ackedByFormat = new ConcurrentHashMap<>();
    private final LongAdder errorUnits = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong completed = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final List<String> errorExamples = new ArrayList<>();
    private final AtomicReference<String> fatal = new AtomicReference<>();
    private volatile long lastProgressNanos;
    private volatile long sendBlockedSinceNanos;
    private long stalledSinceNanos;
    private long lastStallLogNanos;

    /**
     * @param brokers a label for log lines, normally the bootstrap servers
     */
    public RecordPublisher(Producer<byte[], byte[]> producer, String topic, UUID runId, String brokers) {
        this(producer, topic, runId, brokers, System::nanoTime, STALL_AFTER, Duration.ofSeconds(1));
    }

    RecordPublisher(Producer<byte[], byte[]> producer, String topic, UUID runId, String brokers, LongSupplier nanoTime,
            Duration stallAfter, Duration checkEvery) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.runBytes = utf8(runId.toString());
        this.brokers = brokers == null ? "(unknown)" : brokers;
        this.nanoTime = nanoTime;
        this.stallAfter = stallAfter;
        this.lastProgressNanos = nanoTime.getAsLong();
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsmon-publisher-monitor");
            t.setDaemon(true);
            return t;
        });
        long every = checkEvery.toMillis();
        monitor.scheduleWithFixedDelay(this::checkStall, every, every, TimeUnit.MILLISECONDS);
    }

    public UUID runId() {
        return runId;
    }

    public String topic() {
        return topic;
    }

    /** Sends one unit and returns its sequence number; throws when Kafka cannot take records at all. */
    public long send(InputUnit unit) {
        String stop = fatal.get();
        if (stop != null) {
            throw new PublishException(stop, null);
        }
        long seq = nextSeq;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, timestamp(unit),
                utf8(unit.key()), unit.payload(), headers(unit, seq));
        String format = unit.format().wireName();
        boolean error = unit.isError();
        String errorReason = unit.error();
        String origin = unit.origin();
        if (inFlight() == 0) {
            lastProgressNanos = nanoTime.getAsLong();
        }
        sendBlockedSinceNanos = nanoTime.getAsLong();
        try {
            producer.send(record, (metadata, exception) -> completed(format, error, errorReason, origin, exception));
        } catch (KafkaException | IllegalStateException e) {
            throw new PublishException("Kafka did not take the record from " + origin + ": " + message(e), e);
        } finally {
            sendBlockedSinceNanos = 0;
        }
        nextSeq = seq + 1;
        return seq;
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Units handed to the producer so far (the next sequence number). */
    public long sentCount() {
        return nextSeq;
    }

    /** Acknowledged and failed counts so far. */
    public Stats stats() {
        Map<String, Long> acked = new TreeMap<>();
        ackedByFormat.forEach((f, n) -> acked.put(f, n.sum()));
        List<String> msgs;
        synchronized (failures) {
            msgs = List.copyOf(failures);
        }
        List<String> errors;
        synchronized (errorExamples) {
            errors = List.copyOf(errorExamples);
        }
        return new Stats(nextSeq, acked, errorUnits.sum(), failed.sum(), msgs, errors);
    }

    /**
     * Counts of one publisher; {@code ackedByFormat} counts error units under their format too.
     * {@code errorExamples}: the first error units sent, as {@code origin: reason}.
     */
    public record Stats(long handed, Map<String, Long> ackedByFormat, long errorUnits, long failed,
            List<String> failures, List<String> errorExamples) {
    }

    static long timestamp(InputUnit unit) {
        try {
            // Kafka rejects negative timestamps: an article published before 1970 is sent at 0 and keeps its own
            // publishedAt, which is what the topology orders and dates by (it never forwards a negative time). Brokers
            // refuse timestamps too far in the future (log.message.timestamp.after.max.ms, 1 h by default): a date
            // slightly ahead (a wrong time zone) is sent as now; the article keeps its own publishedAt.
            return Math.min(Math.max(0L, unit.eventTime().toEpochMilli()), System.currentTimeMillis());
        } catch (ArithmeticException e) {
            return System.currentTimeMillis();
        }
    }

    static RecordHeaders headers(InputUnit unit, long seq, byte[] run) {
        RecordHeaders h = new RecordHeaders();
        h.add(RawHeaders.FORMAT, utf8(unit.format().wireName()));
        h.add(RawHeaders.ORIGIN, utf8(unit.origin()));
        h.add(RawHeaders.RUN, run);
        h.add(RawHeaders.SEQ, utf8(Long.toString(seq)));
        h.add(RawHeaders.INGESTED_AT, utf8(Long.toString(System.currentTimeMillis())));
        if (unit.error() != null) {
            h.add(RawHeaders.ERROR, utf8(unit.error()));
        }
        if (unit.timeSource() != null) {
            h.add(RawHeaders.TIME_SOURCE, utf8(unit.timeSource()));
        }
        return h;
    }

    private RecordHeaders headers(InputUnit unit, long seq) {
        return headers(unit, seq, runBytes);
    }

    private void completed(String format, boolean error, String errorReason, String origin, Exception exception) {
        lastProgressNanos = nanoTime.getAsLong();
        completed.incrementAndGet();
        if (exception == null) {
            ackedByFormat.computeIfAbsent(format, f -> new LongAdder()).increment();
            if (error) {
                errorUnits.increment();
                synchronized (errorExamples) {
                    if (errorExamples.size() < MAX_FAILURE_MESSAGES) {
                        errorExamples.add(origin + ": " + (errorReason == null ? "unreadable input" : errorReason));
                    }
                }
            }
            return;
        }
        failed.increment();
        String msg = message(exception);
        synchronized (failures) {
            if (failures.size() < MAX_FAILURE_MESSAGES && !failures.contains(msg)) {
                failures.add(msg);
            }
        }
        long n = failed.sum();
        if (n <= MAX_FAILURE_MESSAGES || n % 1000 == 0) {
            LOG.error("Kafka did not accept the record from {} ({} failed so far): {}", origin, n, msg);
        }
        if (repeatsForEveryRecord(exception)) {
            fatal.compareAndSet(null, "Kafka at " + brokers + " cannot take records for topic '" + topic + "': " + msg);
        }
    }

    /** Per-record problems (one record too large or corrupt) do not stop a run; anything else would repeat. */
    private static boolean repeatsForEveryRecord(Exception e) {
        return !(e instanceof RecordTooLargeException || e instanceof InvalidRecordException
                || e instanceof CorruptRecordException);
    }

    private long inFlight() {
        return nextSeq - completed.get();
    }

    private void checkStall() {
        try {
            long now = nanoTime.getAsLong();
            long blockedSince = sendBlockedSinceNanos;
            long pending = inFlight();
            boolean blocked = blockedSince != 0 && now - blockedSince > stallAfter.toNanos();
            boolean waiting = pending > 0 && now - lastProgressNanos > stallAfter.toNanos();
            if (blocked || waiting) {
                if (stalledSinceNanos == 0) {
                    stalledSinceNanos = blocked ? blockedSince : lastProgressNanos;
                }
                if (lastStallLogNanos == 0 || now - lastStallLogNanos >= STALL_REPEAT.toNanos()) {
                    lastStallLogNanos = now;
                    long secs = TimeUnit.NANOSECONDS.toSeconds(now - stalledSinceNanos);
                    if (blocked) {
                        LOG.warn("Waiting for Kafka at {}: no metadata for topic '{}' for {} s (broker down or"
                                + " unreachable?); the producer keeps trying for up to {} s", brokers, topic, secs,
                                ProducerSettings.MAX_BLOCK_MS / 1000);
                    } else {
                        LOG.warn("Waiting for Kafka at {}: {} record(s) not acknowledged for {} s (broker down or"
                                + " unreachable?); the producer keeps retrying for up to {} s per record", brokers,
                                pending, secs, ProducerSettings.DELIVERY_TIMEOUT_MS / 1000);
                    }
                }
            } else if (stalledSinceNanos != 0) {
                LOG.info("Kafka at {} is answering again after {} s", brokers,
                        TimeUnit.NANOSECONDS.toSeconds(now - stalledSinceNanos));
                stalledSinceNanos = 0;
                lastStallLogNanos = 0;
            }
        } catch (RuntimeException e) {
            LOG.debug("stall check failed", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String message(Throwable e) {
        if (e instanceof TimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Flushes, then closes the producer; a stall that ended since the last check is reported first. */
    @Override
    public void close() {
        producer.flush();
        monitor.shutdownNow();
        try {
            monitor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkStall();
        producer.close();
    }

    /** Closes without waiting long for outstanding records (after a fatal error). */
    public void abort() {
        monitor.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
