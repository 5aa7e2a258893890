package dev.newsmon.topology;

import java.util.List;

/**
 * Topic names. The defaults are the contract's names; a prefix isolates a replay or a test
 * ({@code replay1.articles.raw}, {@code replay1.articles}, …).
 */
public record Topics(String raw, String articles, String duplicates, String alerts, String rejected,
        String watchlist, String stories) {

    public static final Topics DEFAULT = withPrefix("");

    public static Topics withPrefix(String prefix) {
        String p = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith(".") ? prefix : prefix + ".";
        return new Topics(p + "articles.raw", p + "articles", p + "duplicates", p + "alerts", p + "rejected",
                p + "watchlist", p + "stories");
    }

    /** The four topics every input ends up in exactly one of (alerts excluded). */
    public List<String> accountingTopics() {
        return List.of(articles, duplicates, rejected);
    }

    /** The contract's four outputs (what {@code scan} exports). */
    public List<String> outputTopics() {
        return List.of(articles, duplicates, alerts, rejected);
    }

    public List<String> all() {
        return List.of(raw, articles, duplicates, alerts, rejected, watchlist, stories);
    }
}
