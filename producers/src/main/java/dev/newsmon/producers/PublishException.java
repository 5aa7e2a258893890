package dev.newsmon.producers;

/**
 * Kafka cannot take records at all (no broker reachable, topic missing, no permission); the message is one clear
 * sentence. {@link #summary()} tells what was sent before the run stopped (null when thrown by the publisher).
 */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient IngestSummary summary;

    public PublishException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public PublishException(String message, Throwable cause, IngestSummary summary) {
        super(message, cause);
        this.summary = summary;
    }

    public IngestSummary summary() {
        return summary;
    }
}
