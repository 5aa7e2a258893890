package dev.newsmon.producers;

import java.util.List;

/**
 * {@code replay ARCHIVE...}: publishes an archive in event-time order (ties keep input order) with the original
 * timestamps; the sequence numbers follow that order. At {@link ReplaySpeed#MAX} records go out as fast as Kafka
 * takes them; at a factor, the event-time gaps are replayed scaled, each wait capped at
 * {@link ReplayOptions#maxWait()}.
 */
public final class ReplayJob {

    private ReplayJob() {
    }

    public static IngestSummary run(List<String> archives, IngestOptions options, ReplayOptions replay) {
        try (ReplayPlan plan = ReplayPlan.build(archives, options.reader(), replay.spillDir())) {
            Pacer pacer = new Pacer(replay.speed(), replay.maxWait(), System::nanoTime, Pacer.THREAD_SLEEP);
            return IngestJob.publish(plan.ordered(), plan.size(), options, plan::skippedFiles,
                    plan::skippedExamples, unit -> pacer.await(unit.eventTime()));
        }
    }
}
