package dev.newsmon.core.ingest;

import dev.newsmon.core.Hashing;

/** Deterministic article ids: the given id, else from the canonical URL, else from the content hash. */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String resolve(String givenId, String canonicalUrl, String contentHash) {
        if (givenId != null) {
            return givenId;
        }
        if (canonicalUrl != null) {
            return "u-" + Hashing.sha256Hex(canonicalUrl, 16);
        }
        return "c-" + contentHash.substring(0, 16);
    }
}
