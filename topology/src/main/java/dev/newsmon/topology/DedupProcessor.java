package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.IndexedDedupState;
import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.Duplicate;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sequenced stage's decision: a new article, a copy of an earlier one, or (passed through) a rejection. */
final class DedupProcessor implements Processor<String, SequencedItem, String, Emitted> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);
    private static final String CLOCK_KEY = "dedup";

    private final TopologyConfig config;
    private final DedupEngine engine = new DedupEngine();
    private final PipelineMetrics metrics = PipelineMetrics.global();
    private ProcessorContext<String, Emitted> context;
    private final RecurringLineFilter lineFilter = new RecurringLineFilter();
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private IndexedDedupState state;
    private KeyValueStore<String, Long> clock;
    private HorizonStore lines;

    DedupProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        this.clock = context.getStateStore(NewsmonTopology.DEDUP_CLOCK_STORE);
        // Called after the stores are restored: the index over the journal is rebuilt from it here.
        long started = System.nanoTime();
        this.state = new IndexedDedupState(new StoreJournal(context.getStateStore(NewsmonTopology.DEDUP_STORE)),
                config.dedupHorizon().toMillis());
        Long now = clock.get(CLOCK_KEY);
        if (now != null) {
            state.advanceTo(now);
        }
        state.rebuild();
        LOG.info("Dedup index rebuilt from the journal: {} records in {} ms", state.slots(),
                (System.nanoTime() - started) / 1_000_000);
        this.lines = new HorizonStore(context.getStateStore(NewsmonTopology.LINES_STORE),
                context.getStateStore(NewsmonTopology.DEDUP_CLOCK_STORE), "lines", config.dedupHorizon().toMillis());
    }

    @Override
    public void process(Record<String, SequencedItem> record) {
        SequencedItem item = record.value();
        if (item.rejection() != null) {
            Rejection r = item.rejection();
            metrics.rejected(r.code());
            context.forward(record.withKey(r.origin()).withValue(new Emitted(Emitted.Kind.REJECTED, r)));
            return;
        }
        Article article = item.analyzed().article();
        try {
            DedupCandidate candidate = item.analyzed().candidate();
            if (state.advanceTo(candidate.eventTimeMs())) {
                clock.put(CLOCK_KEY, state.now());
            }
            lines.advanceTo(candidate.eventTimeMs());
            // Lines this source repeats across its stories (learned in this single, ordered stage) must not
            // drive a decision: fingerprint again without them when there are any.
            RecurringLineFilter.EdgeLines edges = item.edgeLines() != null ? item.edgeLines()
                    : lineFilter.edges(article.source(), article.text());
            RecurringLineFilter.Cleaned cleaned = lineFilter.clean(edges, article.text(), lines);
            if (cleaned.removedAny()) {
                // The content hash stays that of the text before the filter: exact copies are content duplicates
                // whatever this source's filter learned.
                candidate = fingerprinter.withCleanedText(candidate, cleaned.text(), article.entities());
            }
            DedupDecision decision = engine.decide(candidate, state);
            lineFilter.learn(edges, decision.duplicate() ? decision.duplicateOf() : article.id(),
                    candidate.eventTimeMs(), lines);
            if (decision.duplicate()) {
                Duplicate d = new Duplicate(article.id(), decision.duplicateOf(), decision.method(),
                        decision.similarity(), article.title(), article.url(), article.source(), article.publishedAt(),
                        article.origin());
                metrics.duplicate(decision.method().wireName(), publishedMs(article), item.ingestedAtMs());
                context.forward(record.withKey(article.id()).withValue(new Emitted(Emitted.Kind.DUPLICATE, d)));
            } else {
                metrics.article(publishedMs(article), item.ingestedAtMs());
                context.forward(record.withKey(article.id()).withValue(new Emitted(Emitted.Kind.ARTICLE, article,
                        item.articleJson())));
            }
        } catch (RuntimeException e) {
            LOG.error("Dedup failed for article {} from {}", article.id(), article.origin(), e);
            Rejection r = new Rejection("Internal error while checking for duplicates (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", article.id(), article.origin(), article.title(),
                    RejectCode.INTERNAL.wireName());
            metrics.rejected(r.code());
            context.forward(record.withKey(article.origin()).withValue(new Emitted(Emitted.Kind.REJECTED, r)));
        }
    }

    @Override
    public void close() {
        state = null; // the index is the largest thing on the heap: let it go with the task
    }

    private static long publishedMs(Article article) {
        return article.publishedAt() == null ? 0L : article.publishedAt().toEpochMilli();
    }
}
