package dev.newsmon.topology;

import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the parallel stage hands to the sequenced stage: an analyzed article or a rejection, with the producer's
 * run id and sequence number (null/-1 when the producer did not send them) and when it was ingested (epoch ms;
 * from the {@code newsmon.ingested-at} header, else the time the analyze stage read it), and the keys of the
 * article's short edge lines for the recurring-line filter (computed in the parallel stage; null: compute them in
 * the sequenced stage, e.g. for records of an earlier version), and the article's output JSON, written in the
 * parallel stage so that the single sequenced task only copies it (null: written there, e.g. for a large article).
 */
public record SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection, long ingestedAtMs,
        RecurringLineFilter.EdgeLines edgeLines, byte[] articleJson) {

    public static final long NO_SEQ = -1L;

    public SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection, long ingestedAtMs) {
        this(run, seq, analyzed, rejection, ingestedAtMs, null, null);
    }

    public SequencedItem(String run, long seq, AnalyzedArticle analyzed, Rejection rejection, long ingestedAtMs,
            RecurringLineFilter.EdgeLines edgeLines) {
        this(run, seq, analyzed, rejection, ingestedAtMs, edgeLines, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequencedItem i && seq == i.seq && ingestedAtMs == i.ingestedAtMs
                && Objects.equals(run, i.run) && Objects.equals(analyzed, i.analyzed)
                && Objects.equals(rejection, i.rejection) && Objects.equals(edgeLines, i.edgeLines)
                && Arrays.equals(articleJson, i.articleJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(run, seq, analyzed, rejection, ingestedAtMs, edgeLines) * 31 + Arrays.hashCode(articleJson);
    }

    public boolean sequenced() {
        return run != null && seq >= 0;
    }
}
