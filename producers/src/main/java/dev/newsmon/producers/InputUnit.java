package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.time.Instant;
import java.util.Objects;

/**
 * One article unit as it goes onto the raw topic.
 *
 * @param payload    the raw bytes, unchanged (for error units: a prefix of at most {@link #ERROR_PAYLOAD_BYTES})
 * @param format     how the payload is written
 * @param origin     where it came from ({@code path:line}, {@code path#N}, {@code url#N} or {@code path})
 * @param error      set when the producer already knows the unit is unusable, else null
 * @param eventTime  the record timestamp: the article's date, else the fallback time
 * @param timeSource {@code file-time} or {@code ingest-time} when {@code eventTime} is a fallback, else null
 * @param key        the record key: the JSON {@code id} when the unit has one, else the origin
 */
public record InputUnit(byte[] payload, InputFormat format, String origin, String error, Instant eventTime,
        String timeSource, String key) {

    /** How much of an unusable input is kept as the value of its error unit. */
    public static final int ERROR_PAYLOAD_BYTES = 8 * 1024;

    public InputUnit {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(key, "key");
    }

    public boolean isError() {
        return error != null;
    }

    @Override
    public String toString() {
        return "InputUnit[" + format.wireName() + " " + origin + " " + payload.length + " bytes"
                + (error == null ? "" : " error=" + error) + " t=" + eventTime
                + (timeSource == null ? "" : " (" + timeSource + ")") + " key=" + key + "]";
    }
}
