package dev.newsmon.topology;

import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.pipeline.AnalyzedArticle;

/**
 * What the parallel stage hands to the sequenced stage: an analyzed article or a rejection, with the producer's
 * run id and sequence number (null/-1 when the producer did not send them) and when it was ingested (epoch ms;
 * from the {@code newsmon.ingested-at} header, else the time the analyze stage read it), and the keys of the
 * article's short edge lines for the recurring-line filter (computed in the parallel stage; null: compute them in
 * the sequenced stage, e.g. for records of an earlier version).
 */
public record SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection, long ingestedAtMs,
        RecurringLineFilter.EdgeLines edgeLines) {

    public static final long NO_SEQ = -1L;

    public SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection, long ingestedAtMs) {
        this(run, seq, analyzed, rejection, ingestedAtMs, null);
    }

    public boolean sequenced() {
        return run != null && seq >= 0;
    }
}
