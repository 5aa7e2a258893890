package dev.newsmon.producers;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Header names and encoding of records on the raw article topic. Every value is a UTF-8 string.
 * The topology reads the same constants, so a rename happens in one place.
 */
public final class RawHeaders {

    /** {@code json}, {@code text} or {@code html}: {@link dev.newsmon.core.ingest.InputFormat#wireName()}. */
    public static final String FORMAT = "newsmon.format";
    /** Where the unit came from: {@code path:line}, {@code path#N}, {@code url#N} or a plain {@code path}. */
    public static final String ORIGIN = "newsmon.origin";
    /** A random UUID per producer run. */
    public static final String RUN = "newsmon.run";
    /** 0-based, gap-free sequence number of the record within its run (decimal). */
    public static final String SEQ = "newsmon.seq";
    /** Present when the producer already knows the unit is unusable: a sentence a person understands. */
    public static final String ERROR = "newsmon.error";
    /** Present when the record timestamp is not the article's own date: {@code file-time} or {@code ingest-time}. */
    public static final String TIME_SOURCE = "newsmon.time-source";

    /** Fallback time source for files: the file's last-modified time. */
    public static final String FILE_TIME = "file-time";
    /** Fallback time source for network items and inputs without a file time: the time of ingestion. */
    public static final String INGEST_TIME = "ingest-time";

    private RawHeaders() {
    }

    /** The header's value as a string, or null when absent. The last header of that name wins. */
    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The {@link #SEQ} header as a number; empty when absent or not a non-negative decimal. */
    public static OptionalLong seq(Headers headers) {
        String s = get(headers, SEQ);
        if (s == null || s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
