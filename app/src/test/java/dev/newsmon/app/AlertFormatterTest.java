package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.json.Json;
import org.junit.jupiter.api.Test;

class AlertFormatterTest {

    private static final String TREND = "{\"alertId\":\"al-1\",\"kind\":\"trend\",\"articleId\":null,"
            + "\"title\":\"Tobruk: 7 articles in 1 h (usually 0.3)\",\"url\":\"https://desk.example/7\","
            + "\"publishedAt\":\"2024-03-03T02:36:00Z\",\"matches\":[{\"entityId\":\"tobruk\",\"name\":\"Tobruk\","
            + "\"mentions\":7,\"snippet\":\"… ships wait outside Tobruk …\"}],\"backfill\":false,"
            + "\"trend\":{\"windowStart\":\"2024-03-03T01:45:00Z\",\"windowEnd\":\"2024-03-03T02:45:00Z\",\"count\":7,"
            + "\"baselineRate\":0.333,\"factor\":21.0}}";

    @Test
    void trendAlertsPrintTheirWindowCountAndBaseline() throws Exception {
        String text = new AlertFormatter(AlertFormatter.Format.TEXT, false).format(Json.mapper().readTree(TREND));
        assertThat(text).startsWith("TREND  2024-03-03 01:45 UTC – 2024-03-03 02:45 UTC\n")
                .contains("Tobruk: 7 articles in 1 h (usually 0.3)", "7 unique articles in the window; baseline 0.33 "
                        + "per window (x21.0)", "Tobruk (tobruk), latest: … ships wait outside Tobruk …",
                        "https://desk.example/7");
    }

    @Test
    void aTrendWithoutHistorySaysSo() throws Exception {
        String json = TREND.replace("\"factor\":21.0", "\"factor\":null").replace("0.333", "0.0");
        assertThat(new AlertFormatter(AlertFormatter.Format.TEXT, false).format(Json.mapper().readTree(json)))
                .contains("baseline 0.00 per window (not mentioned before)");
    }

    @Test
    void jsonFormatPassesTheTrendObjectThrough() throws Exception {
        String json = new AlertFormatter(AlertFormatter.Format.JSON, false).format(Json.mapper().readTree(TREND));
        assertThat(Json.mapper().readTree(json).get("trend").get("count").asLong()).isEqualTo(7);
    }
}
