package dev.newsmon.producers;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.ingest.RawInput;
import java.time.Instant;

/**
 * Gives a draft its event time, time source and key by running the very parser the topology runs, so the record
 * timestamp is the {@code publishedAt} the topology will compute. A rejected unit is still sent (the topology
 * rejects it again, with its origin); its timestamp is the fallback time.
 */
final class UnitFactory {

    private final ArticleParser parser;

    UnitFactory(int maxBytes) {
        this.parser = new ArticleParser(maxBytes);
    }

    InputUnit create(UnitDraft d, Instant fallbackTime, String fallbackSource) {
        String origin = d.origin().toString();
        RawInput raw = new RawInput(d.payload(), d.format(), origin, d.error(), fallbackTime, fallbackSource);
        ParseOutcome outcome = parser.parse(raw);
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            ParsedArticle a = parsed.article();
            // The timestamp is the fallback time when the article has no date, or its date lay in the future.
            boolean fallback = a.publishedAtSource().equals(fallbackSource)
                    || a.publishedAtSource().equals(ArticleParser.FUTURE_DATE_REPLACED);
            return new InputUnit(d.payload(), d.format(), origin, d.error(), a.publishedAt(),
                    fallback ? fallbackSource : null, a.givenId() != null ? a.givenId() : origin);
        }
        String id = ((ParseOutcome.Rejected) outcome).rejection().id();
        return new InputUnit(d.payload(), d.format(), origin, d.error(), fallbackTime, fallbackSource,
                id != null ? id : origin);
    }
}
