package dev.newsmon.core.dedup.devset;

import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.DedupState;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.pipeline.ArticleAnalyzer;
import dev.newsmon.core.tagging.EntityTagger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The real path an input takes to a dedup decision: parser (extractors), analyzer (tagger, fingerprint), engine. */
final class DevPipeline {

    private static final Instant FALLBACK_TIME = Instant.parse("2024-12-01T00:00:00Z");

    private final ArticleParser parser = new ArticleParser();
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final DedupEngine engine = new DedupEngine();

    AnalyzedArticle analyze(DevSet.Input in) {
        ParseOutcome outcome = parser.parse(new RawInput(in.payload(), in.format(), in.label(), null, FALLBACK_TIME,
                "test"));
        if (outcome instanceof ParseOutcome.Rejected r) {
            throw new AssertionError(in.label() + " was rejected: " + r.rejection().reason());
        }
        return analyzer.analyze(((ParseOutcome.Parsed) outcome).article(), EntityTagger.builtIn());
    }

    DedupDecision decide(DevSet.Input in, DedupState state) {
        return engine.decide(analyze(in).candidate(), state);
    }

    /** A view of a state whose writes stay local: each query sees the same shared state. */
    static DedupState overlay(DedupState base) {
        Map<String, byte[]> local = new HashMap<>();
        return new DedupState() {
            @Override
            public byte[] get(String key) {
                byte[] v = local.get(key);
                return v != null ? v : base.get(key);
            }

            @Override
            public void put(String key, byte[] value, long eventTimeMs) {
                local.put(key, value);
            }
        };
    }
}
