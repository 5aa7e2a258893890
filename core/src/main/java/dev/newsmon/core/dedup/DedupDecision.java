package dev.newsmon.core.dedup;

import dev.newsmon.core.model.DedupMethod;

/** The verdict on one article: new, or a copy of an earlier one (how found, how similar). */
public record DedupDecision(boolean duplicate, String duplicateOf, DedupMethod method, double similarity) {

    public static final DedupDecision UNIQUE = new DedupDecision(false, null, null, 0.0);

    public static DedupDecision copyOf(String originalId, DedupMethod method, double similarity) {
        return new DedupDecision(true, originalId, method, similarity);
    }
}
