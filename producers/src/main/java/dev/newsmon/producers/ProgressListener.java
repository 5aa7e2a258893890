package dev.newsmon.producers;

/** Told after every unit handed to Kafka; called on the job's thread, so keep it cheap (throttle printing). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  units handed to the producer so far
     * @param total units in this run when known in advance (replay), else -1
     */
    void onProgress(long done, long total);
}
