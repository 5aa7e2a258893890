package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.Duplicate;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sequenced stage's decision: a new article, a copy of an earlier one, or (passed through) a rejection. */
final class DedupProcessor implements Processor<String, SequencedItem, String, Emitted> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    private final TopologyConfig config;
    private final DedupEngine engine = new DedupEngine();
    private final PipelineMetrics metrics = PipelineMetrics.global();
    private ProcessorContext<String, Emitted> context;
    private StoreDedupState state;

    DedupProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        this.state = new StoreDedupState(context.getStateStore(NewsmonTopology.DEDUP_STORE),
                context.getStateStore(NewsmonTopology.DEDUP_EXPIRY_STORE),
                context.getStateStore(NewsmonTopology.DEDUP_CLOCK_STORE), config.dedupHorizon().toMillis());
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
            state.advanceTo(item.analyzed().candidate().eventTimeMs());
            DedupDecision decision = engine.decide(item.analyzed().candidate(), state);
            if (decision.duplicate()) {
                Duplicate d = new Duplicate(article.id(), decision.duplicateOf(), decision.method(),
                        decision.similarity(), article.title(), article.url(), article.source(), article.publishedAt(),
                        article.origin());
                metrics.duplicate(decision.method().wireName(), publishedMs(article), item.ingestedAtMs());
                context.forward(record.withKey(article.id()).withValue(new Emitted(Emitted.Kind.DUPLICATE, d)));
            } else {
                metrics.article(publishedMs(article), item.ingestedAtMs());
                context.forward(record.withKey(article.id()).withValue(new Emitted(Emitted.Kind.ARTICLE, article)));
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

    private static long publishedMs(Article article) {
        return article.publishedAt() == null ? 0L : article.publishedAt().toEpochMilli();
    }
}
