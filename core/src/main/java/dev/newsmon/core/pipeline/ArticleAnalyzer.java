package dev.newsmon.core.pipeline;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.UrlCanonicalizer;
import dev.newsmon.core.ingest.ArticleIds;
import dev.newsmon.core.ingest.Languages;
import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.tagging.EntityTagger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-article work that needs no shared state: canonical URL, content hash, id, language, entities.
 * Runs in parallel (keyed by article) before the sequenced dedup stage.
 */
public final class ArticleAnalyzer {

    /**
     * Most offsets kept per entity and field ({@code mentions} still counts them all): a text repeating a name
     * thousands of times would otherwise give an output record larger than Kafka accepts.
     */
    public static final int MAX_OFFSETS_PER_FIELD = 100;

    private final Fingerprinter fingerprinter = new Fingerprinter();

    public AnalyzedArticle analyze(ParsedArticle in, EntityTagger tagger) {
        String canonicalUrl = UrlCanonicalizer.canonicalize(in.url()).orElse(null);
        String contentHash = ContentHash.of(in.text());
        String id = ArticleIds.resolve(in.givenId(), canonicalUrl, contentHash);
        String lang = in.lang() != null ? in.lang() : Languages.detect(in.title(), in.text());
        String source = in.source() != null ? in.source() : hostOf(in.url());
        List<EntityMention> entities = withCappedOffsets(tagger.tag(in.title(), in.text()));
        Article article = new Article(id, in.url(), canonicalUrl, source, in.title(), lang, in.publishedAt(),
                in.publishedAtSource(), in.origin(), entities, in.text(), contentHash);
        long eventTime = in.publishedAt() == null ? 0L : in.publishedAt().toEpochMilli();
        return new AnalyzedArticle(article,
                fingerprinter.candidate(id, canonicalUrl, contentHash, in.text(), entities, eventTime));
    }

    static List<EntityMention> withCappedOffsets(List<EntityMention> entities) {
        List<EntityMention> out = new ArrayList<>(entities.size());
        for (EntityMention e : entities) {
            if (e.offsets().size() <= MAX_OFFSETS_PER_FIELD) {
                out.add(e);
                continue;
            }
            List<Span> kept = new ArrayList<>();
            int title = 0;
            int text = 0;
            for (Span s : e.offsets()) {
                boolean inTitle = Span.TITLE.equals(s.field());
                if (inTitle ? title++ < MAX_OFFSETS_PER_FIELD : text++ < MAX_OFFSETS_PER_FIELD) {
                    kept.add(s);
                }
            }
            out.add(new EntityMention(e.id(), e.type(), e.name(), e.mentions(), e.inTitle(), kept, e.snippet()));
        }
        return out;
    }

    static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
