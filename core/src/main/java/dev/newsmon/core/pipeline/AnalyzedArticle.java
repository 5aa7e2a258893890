package dev.newsmon.core.pipeline;

import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.model.Article;

/** An article ready for the dedup stage: the output record plus what dedup compares. */
public record AnalyzedArticle(Article article, DedupCandidate candidate) {
}
