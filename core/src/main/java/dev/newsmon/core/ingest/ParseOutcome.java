package dev.newsmon.core.ingest;

import dev.newsmon.core.model.Rejection;

/** Either a parsed article or a rejection with a reason a person understands. */
public sealed interface ParseOutcome {

    record Parsed(ParsedArticle article) implements ParseOutcome {
    }

    record Rejected(Rejection rejection) implements ParseOutcome {
    }
}
