package dev.newsmon.core.ingest;

/** Kafka headers that producers put on raw-topic records and the topology reads. See docs/INPUT.md. */
public final class RawHeaders {

    /** json | text | html; absent means json (a bare article from any producer). */
    public static final String FORMAT = "newsmon.format";
    /** Where the record came from: {@code path:line}, {@code path#N}, {@code url#N} or {@code path}. */
    public static final String ORIGIN = "newsmon.origin";
    /** A UUID per producer run; with {@link #SEQ} lets the topology restore the producer's order. */
    public static final String RUN = "newsmon.run";
    /** 0-based, gap-free sequence number within the run. */
    public static final String SEQ = "newsmon.seq";
    /** Set when the producer already knows the input is unusable: the reason, for the rejected topic. */
    public static final String ERROR = "newsmon.error";
    /** How the record timestamp was obtained when the article has no date: file-time or ingest-time. */
    public static final String TIME_SOURCE = "newsmon.time-source";
    /** When the producer sent the record (epoch millis), for the ingest-to-output lag metric. */
    public static final String INGESTED_AT = "newsmon.ingested-at";

    private RawHeaders() {
    }
}
