package dev.newsmon.core.dedup;

/**
 * What a {@link DedupState} can tell about a stored article without reading its record: an upper bound of the
 * Jaccard estimate between it and a new sketch, and its shingle count.
 */
public record NearBound(double maxJaccard, int shingles) {
}
