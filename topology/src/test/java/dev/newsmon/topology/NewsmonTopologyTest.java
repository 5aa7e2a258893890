package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NewsmonTopologyTest {

    private static final String WAGNER_AR = "{\"url\":\"https://cyrenaica.example/news/1?utm_source=x\","
            + "\"source\":\"Cyrenaica Post\",\"title\":\"وصول عناصر من فاغنر إلى قاعدة الجفرة\","
            + "\"body\":\"قالت مصادر محلية إن عشرات من مقاتلي مجموعة فاغنر وصلوا إلى القاعدة الجوية مساء الأحد.\","
            + "\"publishedAt\":\"2024-03-02T10:00:00Z\"}";
    private static final String PLAIN_EN = "{\"id\":\"en-1\",\"url\":\"https://desk.example/a\",\"title\":\"Grain prices"
            + " rise\",\"body\":\"Wheat prices rose for a third week in North African markets.\","
            + "\"publishedAt\":\"2024-03-03T10:00:00Z\"}";

    private TopologyHarness t;

    @BeforeEach
    void setUp() {
        t = new TopologyHarness();
        t.track("wagner-group");
        t.track("tobruk");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void validArticleIsTaggedPublishedAndAlerted() {
        t.send("json", "feed.jsonl:1", WAGNER_AR);

        List<JsonNode> articles = t.read(t.topics.articles());
        assertThat(articles).hasSize(1);
        JsonNode a = articles.get(0);
        assertThat(a.get("id").asText()).startsWith("u-");
        assertThat(a.get("lang").asText()).isEqualTo("ar");
        assertThat(a.get("publishedAt").asText()).isEqualTo("2024-03-02T10:00:00Z");
        assertThat(a.get("origin").asText()).isEqualTo("feed.jsonl:1");
        assertThat(a.get("entities").findValuesAsText("id")).contains("wagner-group", "al-jufra");

        List<JsonNode> alerts = t.read(t.topics.alerts());
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("articleId").asText()).isEqualTo(a.get("id").asText());
        assertThat(alert.get("matches").findValuesAsText("entityId")).containsExactly("wagner-group");
        assertThat(alert.get("matches").get(0).get("snippet").asText()).contains("فاغنر");
        assertThat(alert.get("alertId").asText()).startsWith("al-");
        assertThat(t.read(t.topics.duplicates())).isEmpty();
        assertThat(t.read(t.topics.rejected())).isEmpty();
    }

    @Test
    void articleWithoutTrackedEntityIsPublishedWithoutAlert() {
        t.send("json", "feed.jsonl:2", PLAIN_EN);
        assertThat(t.read(t.topics.articles())).extracting(n -> n.get("id").asText()).containsExactly("en-1");
        assertThat(t.read(t.topics.alerts())).isEmpty();
    }

    @Test
    void sameCanonicalUrlIsUrlDuplicate() {
        t.send("json", "a.jsonl:1", WAGNER_AR);
        t.send("json", "b.jsonl:1", WAGNER_AR.replace("?utm_source=x", "/").replace("https://cyrenaica", "http://www.cyrenaica")
                .replace("مساء الأحد", "مساء يوم الأحد الماضي"));
        List<JsonNode> articles = t.read(t.topics.articles());
        List<JsonNode> dups = t.read(t.topics.duplicates());
        assertThat(articles).hasSize(1);
        assertThat(dups).hasSize(1);
        assertThat(dups.get(0).get("method").asText()).isEqualTo("url");
        assertThat(dups.get(0).get("duplicateOf").asText()).isEqualTo(articles.get(0).get("id").asText());
        assertThat(dups.get(0).get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }

    @Test
    void sameTextElsewhereIsContentDuplicate() {
        t.send("json", "a.jsonl:1", WAGNER_AR);
        t.send("json", "b.jsonl:1", WAGNER_AR.replace("cyrenaica.example/news/1", "other.example/story/9")
                .replace("فاغنر", "فـاغـنـر"));
        List<JsonNode> dups = t.read(t.topics.duplicates());
        assertThat(dups).hasSize(1);
        assertThat(dups.get(0).get("method").asText()).isEqualTo("content");
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }

    @Test
    void badInputsAreRejectedWithReasonAndOriginAndTheRestGoesOn() {
        t.send("json", "f.jsonl:1", "{\"title\": \"cut off");
        t.send("json", "f.jsonl:2", "{\"title\": 42, \"body\": \"x\"}");
        t.send("json", "f.jsonl:3", "{\"title\": \"t\", \"body\": \"   \"}");
        t.send("json", "f.jsonl:4", "just some words");
        t.send("json", "f.jsonl:5", PLAIN_EN);
        List<JsonNode> rejected = t.read(t.topics.rejected());
        assertThat(rejected).extracting(n -> n.get("origin").asText())
                .containsExactly("f.jsonl:1", "f.jsonl:2", "f.jsonl:3", "f.jsonl:4");
        assertThat(rejected.get(0).get("reason").asText()).contains("not valid JSON");
        assertThat(rejected.get(1).get("reason").asText()).contains("\"title\" must be a string");
        assertThat(rejected.get(2).get("reason").asText()).containsIgnoringCase("body is empty");
        assertThat(rejected.get(0).get("raw").asText()).isEqualTo("{\"title\": \"cut off");
        assertThat(t.read(t.topics.articles())).hasSize(1);
    }

    @Test
    void producerErrorsBecomeRejections() {
        t.send(null, "bin/photo.jpg", "\u0000\u0001binary");
        assertThat(t.read(t.topics.rejected())).hasSize(1);
    }

    @Test
    void watchlistChangesApplyToTheNextArticle() {
        String haftar = "{\"url\":\"https://x.example/%d\",\"title\":\"Haftar meets envoy\",\"body\":\"Khalifa Haftar met"
                + " the envoy in Benghazi on %s.\",\"publishedAt\":\"2024-05-0%dT10:00:00Z\"}";
        t.send("json", "x:1", String.format(haftar, 1, "Monday", 1));
        assertThat(t.read(t.topics.alerts())).isEmpty();

        t.track("khalifa-haftar");
        t.send("json", "x:2", String.format(haftar, 2, "Tuesday", 2));
        assertThat(t.read(t.topics.alerts())).extracting(n -> n.get("matches").get(0).get("entityId").asText())
                .containsExactly("khalifa-haftar");

        t.untrack("khalifa-haftar");
        t.send("json", "x:3", String.format(haftar, 3, "Wednesday", 3));
        assertThat(t.read(t.topics.alerts())).isEmpty();
    }

    @Test
    void userDefinedEntityWithNamesIsTaggedAndAlerted() {
        t.trackJson("sahel-brigade", "{\"id\":\"sahel-brigade\",\"type\":\"ORG\",\"names\":[\"لواء الساحل\",\"Sahel Brigade\"]}");
        t.send("json", "u:1", "{\"title\":\"اشتباكات جديدة\",\"body\":\"أعلن المتحدث باسم لواء الساحل أن وحداته انسحبت.\","
                + "\"publishedAt\":\"2024-05-01T10:00:00Z\"}");
        List<JsonNode> alerts = t.read(t.topics.alerts());
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("matches").get(0).get("entityId").asText()).isEqualTo("sahel-brigade");
    }

    @Test
    void outOfOrderArrivalsAreDecidedInProducerOrder() {
        String first = WAGNER_AR;
        String copy = WAGNER_AR.replace("cyrenaica.example/news/1", "mirror.example/x");
        // seq 1 (the copy) arrives before seq 0 (the original): the decision must follow seq order.
        t.send("json", "b:1", copy, 1);
        assertThat(t.read(t.topics.articles())).isEmpty();
        t.send("json", "a:1", first, 0);
        List<JsonNode> articles = t.read(t.topics.articles());
        List<JsonNode> dups = t.read(t.topics.duplicates());
        assertThat(articles).extracting(n -> n.get("origin").asText()).containsExactly("a:1");
        assertThat(dups).extracting(n -> n.get("origin").asText()).containsExactly("b:1");
    }

    @Test
    void aMissingSequenceNumberIsSkippedAfterTheGapTimeout() {
        t.send("json", "c:1", PLAIN_EN, 5);
        assertThat(t.read(t.topics.articles())).isEmpty();
        t.advanceWallClock(Duration.ofSeconds(31));
        assertThat(t.read(t.topics.articles())).hasSize(1);
    }

    @Test
    void recordsFromOtherProducersNeedNoHeaders() {
        t.sendBare(PLAIN_EN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<JsonNode> articles = t.read(t.topics.articles());
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).get("origin").asText()).isEqualTo("articles.raw/0/0");
    }

    private static String article(String source, String url, String title, String body, String date) {
        return "{\"url\":\"" + url + "\",\"source\":\"" + source + "\",\"title\":\"" + title + "\",\"body\":\""
                + body.replace("\n", "\\n") + "\",\"publishedAt\":\"" + date + "\"}";
    }

    private static final String REPORT = "Fighters of the Wagner Group withdrew from two oil fields south of Sirte on"
            + " Tuesday, according to engineers working at the site, who said that trucks carrying equipment and"
            + " ammunition left before dawn.\n\nThe engineers said the withdrawal followed weeks of negotiations with the"
            + " national oil company over security at the fields, which have been closed several times since 2020.\n\n"
            + "A spokesman for the Libyan National Army declined to comment on the reports, and no official statement"
            + " was issued by the authorities in the east of the country.";

    @Test
    void aShortenedCopyElsewhereIsANearDuplicate() {
        t.send("json", "a:1", article("Desk", "https://desk.example/oil-fields", "Wagner leaves oil fields", REPORT,
                "2024-06-01T08:00:00Z"));
        String firstHalf = REPORT.substring(0, REPORT.lastIndexOf("\n\n"));
        t.send("json", "b:1", article("Mirror", "https://mirror.example/x/77", "Wagner quits fields near Sirte",
                firstHalf, "2024-06-01T11:00:00Z"));
        List<JsonNode> dups = t.read(t.topics.duplicates());
        assertThat(dups).singleElement().satisfies(d -> {
            assertThat(d.get("method").asText()).isEqualTo("near");
            assertThat(d.get("similarity").asDouble()).isBetween(0.5, 1.0);
        });
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }

    @Test
    void differentStoriesAboutOneEventStaySeparate() {
        t.send("json", "a:1", article("Desk", "https://desk.example/oil-fields", "Wagner leaves oil fields", REPORT,
                "2024-06-01T08:00:00Z"));
        t.send("json", "b:1", article("Other", "https://other.example/sirte", "Russian contractors pull out",
                "Russian military contractors have left oil installations in central Libya, residents of nearby towns"
                        + " told our correspondent, describing long convoys heading towards the Jufra air base.\n\n"
                        + "Oil workers said production had not been affected and that local guards had taken over.",
                "2024-06-01T12:00:00Z"));
        assertThat(t.read(t.topics.duplicates())).isEmpty();
        assertThat(t.read(t.topics.articles())).hasSize(2);
    }

    private static final String CHROME = "\n\nFollow Sahel Daily on Telegram for breaking news from the whole region."
            + "\n\nAll rights reserved to the Sahel Daily news agency and its regional partners.";
    private static final String[] LONG_STORIES = {
        "Heavy rain flooded several districts of Niamey overnight, forcing hundreds of families to leave their homes"
                + " as the river rose above its banks for the second time this month.",
        "The price of millet rose sharply in markets across northern Mali after traders reported that convoys from"
                + " the south had been delayed at checkpoints for more than a week.",
        "A new solar plant near Ouagadougou began supplying electricity to the national grid, officials said,"
                + " adding that two more plants are planned before the end of next year.",
    };

    private void sendShortPair(String source, String prefix, int day, String chrome) {
        t.send("json", prefix + ":4", article(source, "https://" + prefix + ".example/4", "Market fire",
                "A fire destroyed twenty stalls at the central market." + chrome, "2024-07-0" + day + "T08:00:00Z"));
        t.send("json", prefix + ":5", article(source, "https://" + prefix + ".example/5", "School reopens",
                "The technical school reopened after repairs." + chrome, "2024-07-0" + (day + 1) + "T08:00:00Z"));
    }

    @Test
    void linesASourceRepeatsAcrossItsStoriesStopDrivingDecisions() {
        for (int i = 0; i < LONG_STORIES.length; i++) {
            t.send("json", "sd:" + (i + 1), article("Sahel Daily", "https://sd.example/" + i, "Story " + i,
                    LONG_STORIES[i] + CHROME, "2024-07-0" + (i + 1) + "T08:00:00Z"));
        }
        sendShortPair("Sahel Daily", "sd", 5, CHROME);
        assertThat(t.read(t.topics.duplicates())).as("learned boilerplate does not make two stories one").isEmpty();
        assertThat(t.read(t.topics.articles())).hasSize(5);

        // The same texts at another source are exact copies, although only Sahel Daily's filter blanked its lines:
        // the content hash is taken before the filter.
        sendShortPair("Fresh Source", "fs", 7, CHROME);
        List<JsonNode> copies = t.read(t.topics.duplicates());
        assertThat(copies).extracting(d -> d.get("origin").asText()).containsExactly("fs:4", "fs:5");
        assertThat(copies).extracting(d -> d.get("method").asText()).containsOnly("content");

        // Two short stories from a source whose chrome was never learned look alike.
        sendShortPair("Oasis Post", "op", 7, CHROME.replace("Sahel Daily", "Oasis Post"));
        assertThat(t.read(t.topics.duplicates())).extracting(d -> d.get("origin").asText()).containsExactly("op:5");
    }

    @Test
    void theStoriesViewCountsCopiesAndTheirSources() {
        t.send("json", "a:1", article("Desk", "https://desk.example/oil-fields", "Wagner leaves oil fields", REPORT,
                "2024-06-01T08:00:00Z"));
        t.send("json", "b:1", article("Mirror", "https://mirror.example/77", "Wagner leaves oil fields", REPORT,
                "2024-06-01T09:00:00Z"));
        t.send("json", "c:1", article("Echo", "https://echo.example/5", "Wagner quits Sirte fields",
                REPORT.substring(0, REPORT.lastIndexOf("\n\n")), "2024-06-01T10:00:00Z"));
        String originalId = t.read(t.topics.articles()).get(0).get("id").asText();
        List<JsonNode> stories = t.read(t.topics.stories());
        assertThat(stories).extracting(n -> n.get("storyId").asText()).containsOnly(originalId);
        assertThat(stories).extracting(n -> n.get("copies").asInt()).containsExactly(0, 1, 2);
        JsonNode last = stories.get(2);
        assertThat(last.get("sources").toString()).isEqualTo("[\"Desk\",\"Mirror\",\"Echo\"]");
        assertThat(last.get("lastCopyAt").asText()).isEqualTo("2024-06-01T10:00:00Z");
        assertThat(last.get("title").asText()).isEqualTo("Wagner leaves oil fields");
    }

    @Test
    void lateArticlesBehindTheHorizonStillDedupAmongThemselves() {
        t.send("json", "now:1", article("Desk", "https://desk.example/today", "Grain", "Wheat prices rose again in"
                + " the markets of Benghazi this week, traders said.", "2024-09-01T08:00:00Z"));
        // Two months older than the newest article: behind the 30-day horizon, arriving late.
        t.send("json", "late:1", article("Desk", "https://desk.example/old", "Wagner leaves oil fields", REPORT,
                "2024-06-01T08:00:00Z"));
        t.send("json", "late:2", article("Mirror", "https://mirror.example/old", "Wagner leaves oil fields", REPORT,
                "2024-06-01T09:00:00Z"));
        assertThat(t.read(t.topics.articles())).extracting(n -> n.get("origin").asText())
                .containsExactly("now:1", "late:1");
        assertThat(t.read(t.topics.duplicates())).extracting(n -> n.get("origin").asText()).containsExactly("late:2");
        assertThat(t.read(t.topics.alerts())).hasSize(1);
    }
}
