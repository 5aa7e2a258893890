package dev.newsmon.producers;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Spaces records in real time like their event times, scaled by the replay speed. Waits are scheduled against the
 * start of the replay (not slept one after another), so sleep overshoot does not add up; when sending falls behind
 * the schedule, records go out without waiting until it catches up.
 */
final class Pacer {

    /** Sleeps for the given nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

    private final ReplaySpeed speed;
    private final Duration maxWait;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private Instant previous;
    private long startNanos;
    private long scheduledNanos;

    Pacer(ReplaySpeed speed, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
        this.speed = speed;
        this.maxWait = maxWait;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until the record with this event time is due. */
    void await(Instant eventTime) {
        if (speed.isMax()) {
            return;
        }
        if (previous == null) {
            previous = eventTime;
            startNanos = nanoTime.getAsLong();
            return;
        }
        scheduledNanos += speed.waitFor(Duration.between(previous, eventTime), maxWait).toNanos();
        if (eventTime.isAfter(previous)) {
            previous = eventTime;
        }
        long due = startNanos + scheduledNanos;
        long now = nanoTime.getAsLong();
        if (due > now) {
            try {
                sleeper.sleep(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
        }
    }
}
