package dev.newsmon.core.pipeline;

import dev.newsmon.core.Hashing;
import dev.newsmon.core.model.Alert;
import dev.newsmon.core.model.AlertMatch;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.watchlist.Watchlist;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One alert per new article that mentions at least one tracked entity. */
public final class AlertFactory {

    /** How much of the text before a mention is compared with the snippet to find the right occurrence. */
    private static final int LEAD_COMPARED = 40;

    private AlertFactory() {
    }

    /**
     * @param detectedAt when the alert is made (wall clock); informative, not part of the alertId
     */
    public static Optional<Alert> alertFor(Article article, Watchlist watchlist, Instant detectedAt) {
        List<AlertMatch> matches = new ArrayList<>();
        for (EntityMention e : article.entities()) {
            if (watchlist.tracks(e.id())) {
                matches.add(match(e, article.title(), article.text()));
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        String entityIds = matches.stream().map(AlertMatch::entityId).sorted().collect(Collectors.joining(","));
        return Optional.of(new Alert(alertId(article.id(), entityIds), Alert.KIND_ARTICLE, article.id(),
                article.title(), article.url(), article.canonicalUrl(), article.source(), article.lang(),
                article.publishedAt(), detectedAt, matches, 0, false, null));
    }

    /** The alert's view of one mention, with where the mention sits inside its snippet. */
    public static AlertMatch match(EntityMention e, String title, String text) {
        int[] h = highlight(e, title, text);
        return new AlertMatch(e.id(), e.name(), e.type(), e.mentions(), e.inTitle(), e.snippet(),
                h == null ? null : h[0], h == null ? null : h[1]);
    }

    /** Deterministic: the same article and matched watchlist entries always give the same id. */
    public static String alertId(String articleId, String sortedEntityIds) {
        return "al-" + Hashing.sha256Hex(articleId + "\n" + sortedEntityIds, 20);
    }

    /**
     * [start, end) of the mention inside the mention's snippet, or null. The snippet is cut from the original text
     * around the first mention in the text (else in the title) with whitespace runs collapsed; so the mention's
     * surface form is searched in it, and among several occurrences the one whose preceding words match the text
     * before the mention wins (طبرق inside an earlier طبرقة is not the mention).
     */
    static int[] highlight(EntityMention e, String title, String text) {
        String snippet = e.snippet();
        if (snippet == null || snippet.isEmpty() || e.offsets().isEmpty()) {
            return null;
        }
        List<Span> preferred = new ArrayList<>();
        e.offsets().stream().filter(s -> Span.TEXT.equals(s.field())).findFirst().ifPresent(preferred::add);
        preferred.addAll(e.offsets());
        for (Span span : preferred) {
            String field = Span.TEXT.equals(span.field()) ? text : title;
            if (field == null || span.end() > field.length()) {
                continue;
            }
            int[] found = locate(snippet, field, span);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int[] locate(String snippet, String field, Span span) {
        String surface = collapse(field.substring(span.start(), span.end())).strip();
        if (surface.isEmpty()) {
            return null;
        }
        String before = collapse(field.substring(Math.max(0, span.start() - 4 * LEAD_COMPARED), span.start()));
        int first = -1;
        for (int i = snippet.indexOf(surface); i >= 0; i = snippet.indexOf(surface, i + 1)) {
            if (first < 0) {
                first = i;
            }
            String lead = snippet.substring(0, i);
            String tail = lead.substring(Math.max(0, lead.length() - LEAD_COMPARED)).stripLeading();
            if (tail.startsWith("…")) {
                tail = tail.substring(1).stripLeading();
            }
            if (before.endsWith(tail) || before.stripTrailing().endsWith(tail.stripTrailing())) {
                return new int[] {i, i + surface.length()};
            }
        }
        return first < 0 ? null : new int[] {first, first + surface.length()};
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
