package dev.newsmon.topology.run;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Server-Sent-Events streams of one process, with the limits that keep clients which stop reading from holding
 * the slots forever:
 *
 * <ul>
 *   <li>a write (or flush) blocked longer than {@code writeTimeout} drops the client: its handler thread is
 *       interrupted, which closes the socket channel it is blocked on;</li>
 *   <li>a client more than {@code maxQueuedEvents} events behind is dropped (see {@link AlertFeed});</li>
 *   <li>a stream is ended after {@code maxAge}; browsers reconnect by themselves with {@code Last-Event-ID} and lose
 *       nothing, a client that does not read never comes back;</li>
 *   <li>when every slot is taken, a new client ends the oldest stream (open at least {@code minAgeToEvict}) instead
 *       of getting 503: clients that sit on a slot cannot lock the others out.</li>
 * </ul>
 *
 * Each drop is counted ({@link #dropped()}); the reason is logged at debug level.
 */
final class LiveStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    /** The limits; see the class comment. */
    record Limits(int maxStreams, int maxQueuedEvents, Duration writeTimeout, Duration maxAge, Duration minAgeToEvict,
            Duration keepAlive) {

        static final Limits DEFAULTS = new Limits(32, 256, Duration.ofSeconds(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    /** One open stream: the handler thread serving it, and since when its current write is blocked. */
    final class Stream {
        private final Thread thread = Thread.currentThread();
        private final long openedNanos = System.nanoTime();
        private volatile long writingSinceNanos;
        private volatile String endReason;
        private volatile BlockingQueue<AlertFeed.Item> queue;
        private boolean closed;

        /** The feed queue the handler waits on, so that ending the stream can wake it. */
        void attach(BlockingQueue<AlertFeed.Item> q) {
            this.queue = q;
        }

        /** Writes and flushes, counting the time it blocks. */
        void write(OutputStream out, String s) throws IOException {
            writingSinceNanos = System.nanoTime();
            try {
                out.write(s.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } finally {
                writingSinceNanos = 0;
            }
        }

        /** Why the server ended this stream (null: it has not). */
        String endReason() {
            return endReason;
        }

        /** Asks the stream to end: its handler sees {@link #endReason()} on the next wake-up, or is interrupted. */
        void end(String reason, boolean interrupt) {
            if (endReason == null) {
                endReason = reason;
                dropped.incrementAndGet();
                LOG.debug("Live stream ended: {}", reason);
            }
            BlockingQueue<AlertFeed.Item> q = queue;
            if (interrupt || q == null || !q.offer(AlertFeed.Item.END)) {
                interruptWhileOpen();
            }
        }

        /** Interrupts the handler thread, but never after {@link #close} gave the pool thread back. */
        private synchronized void interruptWhileOpen() {
            if (!closed) {
                thread.interrupt();
            }
        }

        private synchronized void markClosed() {
            closed = true;
            Thread.interrupted(); // an interrupt meant for this stream does not follow the pool thread to its next task
        }
    }

    private final Limits limits;
    private final Semaphore slots;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsmon-live-watchdog");
        t.setDaemon(true);
        return t;
    });

    LiveStreams(Limits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxStreams());
        long every = Math.max(50, Math.min(1000, limits.writeTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    Limits limits() {
        return limits;
    }

    /**
     * A slot for the calling handler thread, evicting the oldest stream when all are taken; null when none frees up
     * (every stream younger than {@code minAgeToEvict}).
     */
    Stream open() throws InterruptedException {
        long deadline = System.nanoTime() + limits.minAgeToEvict().toNanos() + limits.writeTimeout().toNanos()
                + TimeUnit.SECONDS.toNanos(1);
        while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            evictOldest();
        }
        Stream s = new Stream();
        open.add(s);
        return s;
    }

    private void evictOldest() {
        long now = System.nanoTime();
        long minAge = limits.minAgeToEvict().toNanos();
        boolean ending = open.stream().anyMatch(s -> s.endReason != null);
        if (!ending) {
            open.stream().filter(s -> now - s.openedNanos >= minAge)
                    .min(Comparator.comparingLong(s -> s.openedNanos))
                    .ifPresent(s -> s.end("all " + limits.maxStreams() + " slots taken: the oldest stream makes room",
                            true));
        }
    }

    /** Frees the slot of {@code s}, closing the exchange (bounded by the write timeout like any write). */
    void close(Stream s, HttpExchange ex) {
        s.writingSinceNanos = System.nanoTime();
        try {
            ex.close();
        } catch (RuntimeException e) {
            // the channel was closed under the exchange (an interrupted write)
        } finally {
            s.writingSinceNanos = 0;
            s.markClosed();
            open.remove(s);
            slots.release();
        }
    }

    int openCount() {
        return open.size();
    }

    /** Streams the server ended or dropped since start. */
    long dropped() {
        return dropped.get();
    }

    private void check() {
        long now = System.nanoTime();
        for (Stream s : open) {
            long since = s.writingSinceNanos;
            if (since != 0 && now - since > limits.writeTimeout().toNanos()) {
                s.end("a write blocked for more than " + limits.writeTimeout().toSeconds() + " s (the client does not"
                        + " read)", true);
            } else if (now - s.openedNanos > limits.maxAge().toNanos()) {
                s.end("open for " + limits.maxAge().toMinutes() + " min: the client reconnects", false);
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
