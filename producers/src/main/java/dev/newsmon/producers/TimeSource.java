package dev.newsmon.producers;

/**
 * Values of the {@code newsmon.time-source} header ({@link dev.newsmon.core.ingest.RawHeaders#TIME_SOURCE}): how a
 * record timestamp was obtained when the article itself has no usable date.
 */
public final class TimeSource {

    /** Files: the file's last-modified time. */
    public static final String FILE_TIME = "file-time";
    /** Feed URLs and inputs without a file: the time the producer read them. */
    public static final String INGEST_TIME = "ingest-time";

    private TimeSource() {
    }
}
