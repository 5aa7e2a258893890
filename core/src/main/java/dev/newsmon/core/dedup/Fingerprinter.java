package dev.newsmon.core.dedup;

import dev.newsmon.core.model.EntityMention;
import java.util.List;

/** Computes everything the dedup engine will compare, once per article, in the parallel stage. */
public final class Fingerprinter {

    public DedupCandidate candidate(String id, String canonicalUrl, String contentHash, String mainText,
            List<EntityMention> entities, long eventTimeMs) {
        return new DedupCandidate(id, canonicalUrl, contentHash, eventTimeMs);
    }
}
