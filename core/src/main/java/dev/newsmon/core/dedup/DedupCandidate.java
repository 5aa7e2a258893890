package dev.newsmon.core.dedup;

/**
 * What the dedup engine needs to know about an article, computed once in the parallel stage.
 *
 * @param canonicalUrl null when the article had no usable URL
 * @param contentHash  {@link ContentHash} of the main text
 * @param eventTimeMs  publication time (event time), epoch millis
 */
public record DedupCandidate(String id, String canonicalUrl, String contentHash, long eventTimeMs) {
}
