package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trend alerts in the real topology: spikes fire once, copies do not count, the same input gives the same alerts. */
class TrendTopologyTest {

    /** 1 h windows every 15 min, a one-day baseline, more than 3 × the baseline and at least 3 articles. */
    static final TrendConfig TRENDS = new TrendConfig(true, Duration.ofHours(1), Duration.ofMinutes(15),
            Duration.ofDays(1), 3.0, 3, false);
    // before the harness's record time (2024-06-01): later dates would count as "in the future" and be replaced
    static final Instant DAY = Instant.parse("2024-05-20T00:00:00Z");

    private final List<TopologyHarness> harnesses = new ArrayList<>();
    private int next;

    @AfterEach
    void tearDown() {
        harnesses.forEach(TopologyHarness::close);
    }

    @Test
    void spikeFiresOnceForTheBurstWithWindowCountAndBaseline() {
        TopologyHarness t = harness(TRENDS);
        quietDay(t, "Tobruk");
        for (int i = 0; i < 6; i++) {
            t.send("json", "spike:" + i, article("Tobruk", DAY.plus(Duration.ofHours(30)).plusSeconds(300L * i)));
        }
        List<JsonNode> trends = trends(t);
        assertThat(trends).hasSize(1);
        JsonNode alert = trends.get(0);
        assertThat(alert.get("kind").asText()).isEqualTo("trend");
        assertThat(alert.get("articleId").isNull()).isTrue();
        assertThat(alert.get("matches").findValuesAsText("entityId")).containsExactly("tobruk");
        JsonNode trend = alert.get("trend");
        Instant start = Instant.parse(trend.get("windowStart").asText());
        Instant end = Instant.parse(trend.get("windowEnd").asText());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(1));
        assertThat(trend.get("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(trend.get("count").asLong()).isGreaterThan((long) (3.0 * trend.get("baselineRate").asDouble()));
        assertThat(trend.get("baselineRate").asDouble()).isPositive();
        assertThat(trend.get("factor").asDouble()).isGreaterThan(3.0);
        assertThat(alert.get("alertId").asText())
                .isEqualTo(TrendProcessor.alertId("tobruk", start.toEpochMilli(), end.toEpochMilli()));
        assertThat(alert.get("matches").get(0).get("snippet").asText()).contains("Tobruk");
    }

    @Test
    void theSameBurstGoingOnDoesNotFireAgainButALaterBurstDoes() {
        TopologyHarness t = harness(TRENDS);
        quietDay(t, "Tobruk");
        Instant burst = DAY.plus(Duration.ofHours(30));
        for (int i = 0; i < 20; i++) {
            t.send("json", "burst:" + i, article("Tobruk", burst.plusSeconds(360L * i)));
        }
        assertThat(trends(t)).hasSize(1);
        for (int i = 0; i < 12; i++) {
            t.send("json", "later:" + i, article("Tobruk", burst.plus(Duration.ofHours(20)).plusSeconds(60L * i)));
        }
        assertThat(trends(t)).hasSize(1);
    }

    @Test
    void copiesOfAStoryDoNotInflateATrend() {
        TopologyHarness copies = harness(TRENDS);
        quietDay(copies, "Tobruk");
        Instant burst = DAY.plus(Duration.ofHours(30));
        String first = article("Tobruk", burst);
        String second = article("Tobruk", burst.plusSeconds(60));
        copies.send("json", "s:1", first);
        copies.send("json", "s:2", second);
        for (int i = 0; i < 10; i++) {
            // re-sent at other URLs, re-crawled with tracking parameters: the same two stories
            String copy = i % 2 == 0 ? first : second;
            copies.send("json", "copy:" + i, copy.replace("\"url\":\"https://news.example/",
                    "\"id\":\"copy-" + i + "\",\"url\":\"https://mirror" + i + ".example/"));
        }
        assertThat(copies.read(copies.topics.duplicates())).hasSize(10);
        assertThat(trends(copies)).isEmpty();

        // Control: the same number of distinct stories does fire.
        TopologyHarness distinct = harness(TRENDS);
        quietDay(distinct, "Tobruk");
        for (int i = 0; i < 12; i++) {
            distinct.send("json", "d:" + i, article("Tobruk", burst.plusSeconds(60L * i)));
        }
        assertThat(trends(distinct)).hasSize(1);
    }

    @Test
    void belowTheMinimumCountNothingFiresEvenWithoutAnyBaseline() {
        TopologyHarness t = harness(TRENDS);
        t.send("json", "a:1", article("Tobruk", DAY));
        t.send("json", "a:2", article("Tobruk", DAY.plusSeconds(600)));
        assertThat(trends(t)).isEmpty();
        t.send("json", "a:3", article("Tobruk", DAY.plusSeconds(1200)));
        List<JsonNode> trends = trends(t);
        assertThat(trends).hasSize(1);
        assertThat(trends.get(0).get("trend").get("count").asLong()).isEqualTo(3);
        assertThat(trends.get(0).get("trend").get("factor").isNull()).isTrue();
    }

    @Test
    void aSteadyRateDoesNotFire() {
        TopologyHarness t = harness(TRENDS);
        // 4 an hour, all day and the next: never more than 3 × the baseline
        for (int i = 0; i < 4 * 36; i++) {
            t.send("json", "steady:" + i, article("Tobruk", DAY.plusSeconds(900L * i)));
        }
        List<JsonNode> trends = trends(t);
        // the very first hour has no history yet, so it may fire once; nothing after it
        assertThat(trends).hasSizeLessThanOrEqualTo(1);
        trends.forEach(a -> assertThat(Instant.parse(a.get("trend").get("windowStart").asText()))
                .isBefore(DAY.plus(Duration.ofHours(1))));
    }

    @Test
    void onlyTrackedEntitiesAlertUnlessAllEntitiesAreAsked() {
        TopologyHarness tracked = harness(TRENDS);
        TopologyHarness all = harness(new TrendConfig(true, Duration.ofHours(1), Duration.ofMinutes(15),
                Duration.ofDays(1), 3.0, 3, true));
        for (TopologyHarness t : List.of(tracked, all)) {
            for (int i = 0; i < 5; i++) {
                t.send("json", "b:" + i, article("Benghazi", DAY.plusSeconds(300L * i)));
            }
        }
        assertThat(trends(tracked)).isEmpty();
        assertThat(trends(all)).extracting(a -> a.get("matches").get(0).get("entityId").asText())
                .containsExactly("benghazi");
    }

    @Test
    void trendsAreOffByDefaultSoScanWritesOneAlertPerArticle() {
        TopologyHarness t = new TopologyHarness();
        harnesses.add(t);
        t.track("tobruk");
        for (int i = 0; i < 8; i++) {
            t.send("json", "x:" + i, article("Tobruk", DAY.plusSeconds(60L * i)));
        }
        List<JsonNode> alerts = t.read(t.topics.alerts());
        assertThat(alerts).hasSize(8).allSatisfy(a -> assertThat(a.get("kind").asText()).isEqualTo("article"));
    }

    @Test
    void replayingTheSameInputGivesTheSameTrendAlerts() {
        List<String> input = randomWeek(new Random(7L));
        List<String> first = replay(input);
        List<String> second = replay(input);
        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void veryLateArticlesCountButDoNotRaiseAlertsAboutThePast() {
        TopologyHarness t = harness(TRENDS);
        t.send("json", "now", article("Sirte", DAY.plus(Duration.ofDays(3))));
        for (int i = 0; i < 6; i++) {
            t.send("json", "late:" + i, article("Tobruk", DAY.plus(Duration.ofDays(2)).plusSeconds(60L * i)));
        }
        assertThat(trends(t)).isEmpty();
    }

    @Test
    void topEntitiesCountUniqueArticlesPerEntityOverTheLastDayOfEventTime() {
        TopologyHarness t = harness(TRENDS);
        // an hour before the day shown: in the week view (state keeps the 1-day baseline plus two windows)
        t.send("json", "old", article("Derna", DAY.minus(Duration.ofHours(1))));
        String story = article("Benghazi", DAY.plus(Duration.ofHours(20)));
        t.send("json", "b:0", story);
        t.send("json", "b:copy", story.replace("\"url\":\"https://news.example/", "\"url\":\"https://copy.example/"));
        t.send("json", "b:1", article("Benghazi", DAY.plus(Duration.ofHours(21))));
        t.send("json", "b:2", article("Benghazi", DAY.plus(Duration.ofHours(22))));
        t.send("json", "t:0", article("Tobruk", DAY.plus(Duration.ofHours(23)).plusSeconds(600)));

        LiveQueries.Local stores = new LiveQueries.Local(t.store(NewsmonTopology.TREND_COUNTS_STORE),
                t.store(NewsmonTopology.TREND_META_STORE));
        LiveQueries.TopEntities top = LiveQueries.top(stores, Duration.ofHours(24), Duration.ofHours(1), 10,
                dev.newsmon.core.watchlist.Watchlist.DEFAULT);
        assertThat(top.asOf()).isEqualTo(DAY.plus(Duration.ofHours(23)).plusSeconds(600));
        assertThat(top.entities()).extracting(LiveQueries.EntityTrend::entityId).containsExactly("benghazi", "tobruk");
        LiveQueries.EntityTrend benghazi = top.entities().get(0);
        assertThat(benghazi.total()).isEqualTo(3);
        assertThat(benghazi.name()).isEqualTo("Benghazi");
        assertThat(benghazi.tracked()).isFalse();
        assertThat(benghazi.series()).hasSize(24);
        assertThat(benghazi.series().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(benghazi.series().subList(20, 23)).containsExactly(1L, 1L, 1L);
        assertThat(top.entities().get(1).tracked()).isTrue();
        assertThat(top.entities().get(1).series().get(23)).isEqualTo(1L);

        LiveQueries.TopEntities week = LiveQueries.top(stores, Duration.ofDays(7), Duration.ofHours(6), 1,
                dev.newsmon.core.watchlist.Watchlist.DEFAULT);
        assertThat(week.entities()).hasSize(1);
        assertThat(week.entities().get(0).series()).hasSize(28);
        assertThat(LiveQueries.top(stores, Duration.ofDays(7), Duration.ofHours(6), 10,
                dev.newsmon.core.watchlist.Watchlist.DEFAULT).entities()).extracting(LiveQueries.EntityTrend::entityId)
                .contains("derna");
    }

    /** Trend alerts (JSON, in order) of one fresh run over the input. */
    private List<String> replay(List<String> input) {
        TopologyHarness t = harness(TRENDS);
        for (int i = 0; i < input.size(); i++) {
            t.send("json", "week:" + i, input.get(i));
        }
        return trends(t).stream().map(JsonNode::toString).collect(Collectors.toList());
    }

    /** A week of articles about four places, with a few bursts, in event-time order. */
    private List<String> randomWeek(Random random) {
        String[] places = {"Tobruk", "Benghazi", "Sirte", "Derna"};
        List<String> out = new ArrayList<>();
        for (int hour = 0; hour < 7 * 24; hour++) {
            boolean burst = random.nextInt(30) == 0;
            int n = burst ? 6 + random.nextInt(6) : random.nextInt(2);
            for (int i = 0; i < n; i++) {
                String place = burst ? "Tobruk" : places[random.nextInt(places.length)];
                out.add(article(place, DAY.plus(Duration.ofHours(hour)).plusSeconds(3600L * i / Math.max(n, 1))));
            }
        }
        return out;
    }

    @Test
    void anUndatedArticleDoesNotMoveThePanelToTodayNorExpireTheDatedTrends() {
        TopologyHarness t = harness(TRENDS);
        t.send("json", "b:1", article("Benghazi", DAY.plus(Duration.ofHours(21))));
        t.send("json", "b:2", article("Benghazi", DAY.plus(Duration.ofHours(22))));
        // No publishedAt: dated by its ingest time (the record time, today).
        t.send("json", "undated", undated(article("Tobruk", DAY)));
        assertThat(t.read(t.topics.articles())).filteredOn(a -> a.get("origin").asText().equals("undated"))
                .singleElement().satisfies(a -> assertThat(a.get("publishedAtSource").asText()).isEqualTo("ingest-time"));
        t.send("json", "b:3", article("Benghazi", DAY.plus(Duration.ofHours(23))));

        LiveQueries.TopEntities top = lastDay(t);
        assertThat(top.asOf()).as("anchored on the newest dated article").isEqualTo(DAY.plus(Duration.ofHours(23)));
        assertThat(top.entities()).extracting(LiveQueries.EntityTrend::entityId).contains("benghazi");
        assertThat(top.entities().get(0).total()).isEqualTo(3);
    }

    @Test
    void undatedArticlesAloneStillDriveTheClock() {
        TopologyHarness t = harness(TRENDS);
        t.send("json", "undated", undated(article("Tobruk", DAY)));
        LiveQueries.TopEntities top = lastDay(t);
        assertThat(top.asOf()).isAfter(DAY.plus(Duration.ofDays(30)));
        assertThat(top.entities()).extracting(LiveQueries.EntityTrend::entityId).containsExactly("tobruk");
    }

    /** The article without its publishedAt. */
    private static String undated(String json) {
        return json.replaceAll(",\"publishedAt\":\"[^\"]*\"", "");
    }

    private static LiveQueries.TopEntities lastDay(TopologyHarness t) {
        LiveQueries.Local stores = new LiveQueries.Local(t.store(NewsmonTopology.TREND_COUNTS_STORE),
                t.store(NewsmonTopology.TREND_META_STORE));
        return LiveQueries.top(stores, Duration.ofHours(24), Duration.ofHours(1), 10,
                dev.newsmon.core.watchlist.Watchlist.DEFAULT);
    }

    /** One article a few hours apart all day: a low, steady baseline. */
    private void quietDay(TopologyHarness t, String place) {
        for (int h = 0; h < 24; h += 4) {
            t.send("json", "quiet:" + h, article(place, DAY.plus(Duration.ofHours(h))));
        }
    }

    private TopologyHarness harness(TrendConfig trends) {
        TopologyHarness t = new TopologyHarness(TopologyConfig.defaults(Topics.DEFAULT).withTrends(trends));
        harnesses.add(t);
        t.track("tobruk");
        t.track("wagner-group");
        return t;
    }

    private static List<JsonNode> trends(TopologyHarness t) {
        return t.read(t.topics.alerts()).stream().filter(a -> a.get("kind").asText().equals("trend")).toList();
    }

    /** A distinct story mentioning the place: its own URL and its own words, so dedup keeps it. */
    private String article(String place, Instant publishedAt) {
        int n = next++;
        Random words = new Random(1000L + n);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append(WORDS[words.nextInt(WORDS.length)]).append(i == 12 ? " " + place + " " : " ");
        }
        return String.format(Locale.ROOT, "{\"url\":\"https://news.example/story/%d\",\"source\":\"Desk %d\","
                + "\"title\":\"Report %d from the coast\",\"body\":\"%s.\",\"publishedAt\":\"%s\"}", n, n % 5, n,
                body.toString().strip(), publishedAt);
    }

    private static final String[] WORDS = ("officials said the harbour convoy council fuel prices ministry talks "
            + "delegation airport road closed reopened workers strike grain shipment storm coast guard patrol "
            + "election committee budget hospital water supply power station outage protest market bank rates "
            + "school exams flights cancelled weather forecast fishermen boats bridge repairs contract signed "
            + "envoy visit meeting statement court ruling prisoners released militia checkpoint traffic").split(" ");
}
