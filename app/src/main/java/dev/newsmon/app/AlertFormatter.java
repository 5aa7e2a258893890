package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Alert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints alerts for people (text, optionally coloured) or for programs (one JSON object per line). */
final class AlertFormatter {

    enum Format { TEXT, JSON }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String BOLD = "\u001B[1m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final String MAGENTA = "\u001B[35m";
    private static final String DIM = "\u001B[2m";
    private static final String RESET = "\u001B[0m";

    private final Format format;
    private final boolean colour;

    AlertFormatter(Format format, boolean colour) {
        this.format = format;
        this.colour = colour;
    }

    String format(JsonNode alert) {
        if (format == Format.JSON) {
            try {
                return Json.mapper().writeValueAsString(alert);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return alert.toString();
            }
        }
        if (Alert.KIND_TREND.equals(alert.path("kind").asText())) {
            return trend(alert);
        }
        StringBuilder s = new StringBuilder();
        String when = alert.hasNonNull("publishedAt") ? time(alert.get("publishedAt").asText()) : "time unknown";
        s.append(c(BOLD + YELLOW)).append("ALERT").append(c(RESET)).append("  ").append(when);
        if (alert.hasNonNull("source")) {
            s.append("  ").append(alert.get("source").asText());
        }
        if (alert.hasNonNull("lang")) {
            s.append(" [").append(alert.get("lang").asText()).append(']');
        }
        if (alert.path("backfill").asBoolean(false)) {
            s.append("  (backfill)");
        }
        s.append('\n').append("  ").append(c(BOLD)).append(alert.path("title").asText("")).append(c(RESET)).append('\n');
        for (JsonNode m : alert.path("matches")) {
            s.append("  ").append(c(CYAN)).append(m.path("name").asText()).append(c(RESET))
                    .append(" (").append(m.path("entityId").asText()).append(") x").append(m.path("mentions").asInt());
            if (m.path("inTitle").asBoolean(false)) {
                s.append(", in title");
            }
            s.append(": ").append(m.path("snippet").asText("")).append('\n');
        }
        if (alert.hasNonNull("url")) {
            s.append("  ").append(c(DIM)).append(alert.get("url").asText()).append(c(RESET)).append('\n');
        }
        return s.toString();
    }

    /** A trend: which entity, how many articles in which window against what baseline, and the latest snippet. */
    private String trend(JsonNode alert) {
        JsonNode t = alert.path("trend");
        StringBuilder s = new StringBuilder();
        s.append(c(BOLD + MAGENTA)).append("TREND").append(c(RESET)).append("  ")
                .append(time(t.path("windowStart").asText(""))).append(" – ").append(time(t.path("windowEnd").asText("")))
                .append('\n').append("  ").append(c(BOLD)).append(alert.path("title").asText("")).append(c(RESET))
                .append('\n');
        s.append(String.format(Locale.ROOT, "  %d unique articles in the window; baseline %.2f per window%s%n",
                t.path("count").asLong(), t.path("baselineRate").asDouble(),
                t.hasNonNull("factor") ? String.format(Locale.ROOT, " (x%.1f)", t.get("factor").asDouble())
                        : " (not mentioned before)"));
        for (JsonNode m : alert.path("matches")) {
            s.append("  ").append(c(CYAN)).append(m.path("name").asText()).append(c(RESET)).append(" (")
                    .append(m.path("entityId").asText()).append("), latest: ").append(m.path("snippet").asText(""))
                    .append('\n');
        }
        if (alert.hasNonNull("url")) {
            s.append("  ").append(c(DIM)).append(alert.get("url").asText()).append(c(RESET)).append('\n');
        }
        return s.toString();
    }

    private String c(String code) {
        return colour ? code : "";
    }

    private static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
