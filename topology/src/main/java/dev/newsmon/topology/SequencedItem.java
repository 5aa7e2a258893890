package dev.newsmon.topology;

import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.pipeline.AnalyzedArticle;

/**
 * What the parallel stage hands to the sequenced stage: an analyzed article or a rejection, with the producer's
 * run id and sequence number (null/-1 when the producer did not send them).
 */
public record SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection) {

    public static final long NO_SEQ = -1L;

    public boolean sequenced() {
        return run != null && seq >= 0;
    }
}
