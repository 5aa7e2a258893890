package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.topology.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What one pipeline run decided, as read from its outputs: every accounted input's origin (with repeats, so a
 * duplicated output shows), origin → decision, and the alerts (alert id → article id).
 *
 * @param origins   origins of every articles / duplicates / rejected record, in reading order, repeats kept
 * @param decisions origin → "article ID", "duplicate ID of ORIGINAL by METHOD" or "rejected"
 * @param alerts    alert id → article id, one entry per alert record ({@code alertRecords} counts repeats)
 */
record Outcome(List<String> origins, Map<String, String> decisions, Map<String, String> alerts, int alertRecords,
        Map<String, String> articleOrigins) {

    /** From scan files or any map with the keys articles, duplicates, alerts, rejected. */
    static Outcome of(Map<String, List<JsonNode>> byKind) {
        List<String> origins = new ArrayList<>();
        Map<String, String> decisions = new TreeMap<>();
        Map<String, String> articleOrigins = new HashMap<>();
        for (JsonNode n : byKind.get("articles")) {
            origins.add(n.get("origin").asText());
            decisions.put(n.get("origin").asText(), "article " + n.get("id").asText());
            articleOrigins.put(n.get("id").asText(), n.get("origin").asText());
        }
        for (JsonNode n : byKind.get("duplicates")) {
            origins.add(n.get("origin").asText());
            decisions.put(n.get("origin").asText(), "duplicate " + n.get("id").asText() + " of "
                    + n.get("duplicateOf").asText() + " by " + n.get("method").asText());
        }
        for (JsonNode n : byKind.get("rejected")) {
            origins.add(n.get("origin").asText());
            decisions.put(n.get("origin").asText(), "rejected");
        }
        Map<String, String> alerts = new TreeMap<>();
        byKind.get("alerts").forEach(a -> alerts.put(a.get("alertId").asText(), a.get("articleId").asText()));
        return new Outcome(List.copyOf(origins), decisions, alerts, byKind.get("alerts").size(), articleOrigins);
    }

    /** From an {@link OutputCollector} snapshot of the topics. */
    static Outcome of(Topics topics, Map<String, List<JsonNode>> snapshot) {
        return of(Map.of("articles", snapshot.get(topics.articles()), "duplicates", snapshot.get(topics.duplicates()),
                "alerts", snapshot.get(topics.alerts()), "rejected", snapshot.get(topics.rejected())));
    }

    /** Only the inputs whose origin matches, and the alerts of their articles. */
    Outcome restrictedTo(Predicate<String> origin) {
        Map<String, String> d = new TreeMap<>();
        decisions.forEach((o, v) -> {
            if (origin.test(o)) {
                d.put(o, v);
            }
        });
        Map<String, String> a = new TreeMap<>();
        alerts.forEach((alertId, articleId) -> {
            String o = articleOrigins.get(articleId);
            if (o != null && origin.test(o)) {
                a.put(alertId, articleId);
            }
        });
        return new Outcome(origins.stream().filter(origin).toList(), d, a, a.size(), articleOrigins);
    }

    /** Inputs accounted for more than once. */
    List<String> repeatedOrigins() {
        Map<String, Integer> counts = new HashMap<>();
        origins.forEach(o -> counts.merge(o, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Alert records beyond the first of their alert id. */
    int repeatedAlerts() {
        return alertRecords - alerts.size();
    }
}
