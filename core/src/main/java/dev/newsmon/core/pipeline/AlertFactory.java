package dev.newsmon.core.pipeline;

import dev.newsmon.core.Hashing;
import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.AlertMatch;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.watchlist.Watchlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One alert per new article that mentions at least one tracked entity. */
public final class AlertFactory {

    private AlertFactory() {
    }

    public static Optional<Alert> alertFor(Article article, Watchlist watchlist) {
        List<AlertMatch> matches = new ArrayList<>();
        for (EntityMention e : article.entities()) {
            if (watchlist.tracks(e.id())) {
                matches.add(new AlertMatch(e.id(), e.name(), e.type(), e.mentions(), e.inTitle(), e.snippet()));
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String entityIds = matches.stream().map(AlertMatch::entityId).sorted().collect(Collectors.joining(","));
        return Optional.of(new Alert(alertId(article.id(), entityIds), Alert.KIND_ARTICLE, article.id(),
                article.title(), article.url(), article.source(), article.lang(), article.publishedAt(), matches,
                false));
    }

    /** Deterministic: the same article and matched watchlist entries always give the same id. */
    public static String alertId(String articleId, String sortedEntityIds) {
        return "al-" + Hashing.sha256Hex(articleId + "\n" + sortedEntityIds, 20);
    }
}
