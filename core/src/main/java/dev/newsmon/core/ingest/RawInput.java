package dev.newsmon.core.ingest;

import java.time.Instant;

/**
 * One input record as it reaches the parser: the raw bytes and what the producer knew about them.
 *
 * @param origin        where it came from: {@code file:line}, {@code file#item} or {@code topic/partition/offset}
 * @param producerError set when the producer already found the input unusable (binary file, too large,
 *                      unreadable); the parser then rejects it with this reason
 * @param fallbackTime  the time to use when the article carries no date (file time or ingest time)
 * @param fallbackTimeSource how {@code fallbackTime} was obtained, e.g. {@code file-time}, {@code ingest-time}
 */
public record RawInput(byte[] payload, InputFormat format, String origin, String producerError,
        Instant fallbackTime, String fallbackTimeSource) {

    public RawInput {
        payload = payload == null ? new byte[0] : payload;
    }
}
