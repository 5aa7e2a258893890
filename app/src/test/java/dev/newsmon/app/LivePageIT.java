package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The live page's API against a real {@code run}: SSE feed, alerts, top entities, watchlist with a token. */
@ExtendWith(EmbeddedKafkaExtension.class)
class LivePageIT {

    static final String TOKEN = "s3cret-token";
    private static final Instant T0 = Instant.parse("2024-04-09T07:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void liveFeedTrendsAndWatchlistOverHttp(KafkaCluster kafka) throws Exception {
        RunCommand run = command(kafka, kafka.unique("live"), kafka.unique("live-app"), data.resolve("a"));
        try (KafkaConnection conn = KafkaConnection.open(run.kafka);
                RunCommand.RunningPipeline pipeline = RunCommand.RunningPipeline.start(conn, run.kafka, run.service)) {
            String base = "http://127.0.0.1:" + pipeline.http().port();
            await().atMost(WAIT).until(() -> get(base + "/health/ready").statusCode() == 200);

            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
            assertThat(page.body()).contains("id=\"alerts\"", "live.js");
            assertThat(get(base + "/live.js").body()).contains("EventSource");
            assertThat(get(base + "/live.css").statusCode()).isEqualTo(200);
            assertThat(get(base + "/nope").statusCode()).isEqualTo(404);
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("Authorization", "Bearer "
                    + TOKEN)).statusCode()).isEqualTo(200);

            Stories stories = new Stories(9L);
            String first = stories.arabic("طبرق", T0);
            List<SseClient.Event> seen = new ArrayList<>();
            try (SseClient sse = SseClient.open(base + "/api/alerts/stream", null)) {
                assertThat(sse.status).isEqualTo(200);
                assertThat(sse.contentType).startsWith("text/event-stream");
                publish(kafka, run, first);
                SseClient.Event e1 = sse.next(WAIT);
                assertThat(e1).as("an alert pushed without polling").isNotNull();
                assertThat(e1.event()).isEqualTo("alert");
                assertThat(e1.id()).matches("\\d+-\\d+");
                JsonNode a1 = Json.mapper().readTree(e1.data());
                assertThat(a1.get("articleId").asText()).isEqualTo("story-0");
                JsonNode match = a1.get("matches").get(0);
                assertThat(match.get("snippet").asText().substring(match.get("highlightStart").asInt(),
                        match.get("highlightEnd").asInt())).isEqualTo("طبرق");
                seen.add(e1);

                String second = stories.arabic("لطبرق", T0.plus(Duration.ofMinutes(10)));
                publish(kafka, run, second, Stories.copy(second, "copy-1"),
                        stories.arabic("وبطبرق", T0.plus(Duration.ofMinutes(20))));
                while (seen.size() < 4) {
                    SseClient.Event e = sse.next(WAIT);
                    assertThat(e).as("alerts after %s", seen).isNotNull();
                    seen.add(e);
                }
                assertThat(sse.next(Duration.ofSeconds(3))).as("the copy raises no alert").isNull();
            }
            List<JsonNode> alerts = new ArrayList<>();
            for (SseClient.Event e : seen) {
                alerts.add(Json.mapper().readTree(e.data()));
            }
            assertThat(alerts).extracting(a -> a.get("kind").asText())
                    .containsExactlyInAnyOrder("article", "article", "article", "trend");
            JsonNode trend = alerts.stream().filter(a -> a.get("kind").asText().equals("trend")).findFirst().orElseThrow();
            assertThat(trend.get("trend").get("count").asLong()).isEqualTo(3);

            // A reconnect with Last-Event-ID gets what came after that event, not the whole buffer again.
            try (SseClient resumed = SseClient.open(base + "/api/alerts/stream", seen.get(0).id())) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ids.add(resumed.next(WAIT).id());
                }
                assertThat(ids).containsExactlyElementsOf(seen.subList(1, 4).stream().map(SseClient.Event::id).toList());
            }

            JsonNode recent = json(get(base + "/api/alerts?limit=10"));
            assertThat(recent).hasSize(4);
            assertThat(recent.get(0).get("alertId").asText())
                    .isEqualTo(Json.mapper().readTree(seen.get(3).data()).get("alertId").asText());
            assertThat(json(get(base + "/api/alerts?entity=wagner-group"))).isEmpty();
            assertThat(json(get(base + "/api/alerts?entity=tobruk&limit=2"))).hasSize(2);

            JsonNode day = json(get(base + "/api/entities/top?window=24h"));
            JsonNode tobruk = day.get("entities").get(0);
            assertThat(tobruk.get("entityId").asText()).isEqualTo("tobruk");
            assertThat(tobruk.get("total").asLong()).as("three stories; the copy counts once").isEqualTo(3);
            assertThat(tobruk.get("tracked").asBoolean()).isTrue();
            assertThat(tobruk.get("series")).hasSize(24);
            assertThat(day.get("asOf").asText()).isEqualTo(T0.plus(Duration.ofMinutes(20)).toString());
            assertThat(json(get(base + "/api/entities/top?window=7d")).get("entities").get(0).get("series")).hasSize(28);
            assertThat(get(base + "/api/entities/top?window=3d").statusCode()).isEqualTo(400);

            watchlistChanges(base);

            JsonNode info = json(get(base + "/api/info"));
            assertThat(info.get("writeRequiresToken").asBoolean()).isTrue();
            assertThat(info.get("trends").get("minCount").asLong()).isEqualTo(3);
        }
    }

    @Test
    void twoInstancesAnswerTrendQueriesFromTheOneHostingTheStore(KafkaCluster kafka) throws Exception {
        String prefix = kafka.unique("live2");
        String appId = kafka.unique("live2-app");
        RunCommand one = command(kafka, prefix, appId, data.resolve("one"));
        RunCommand two = command(kafka, prefix, appId, data.resolve("two"));
        try (KafkaConnection c1 = KafkaConnection.open(one.kafka); KafkaConnection c2 = KafkaConnection.open(two.kafka);
                RunCommand.RunningPipeline p1 = RunCommand.RunningPipeline.start(c1, one.kafka, one.service);
                RunCommand.RunningPipeline p2 = RunCommand.RunningPipeline.start(c2, two.kafka, two.service)) {
            List<String> bases = List.of("http://127.0.0.1:" + p1.http().port(), "http://127.0.0.1:" + p2.http().port());
            for (String base : bases) {
                await().atMost(WAIT).until(() -> get(base + "/health/ready").statusCode() == 200);
            }
            try (SseClient sse1 = SseClient.open(bases.get(0) + "/api/alerts/stream", null);
                    SseClient sse2 = SseClient.open(bases.get(1) + "/api/alerts/stream", null)) {
                publish(kafka, one, new Stories(11L).arabic("طبرق", T0));
                assertThat(sse1.next(WAIT)).as("instance 1 streams the alert").isNotNull();
                assertThat(sse2.next(WAIT)).as("instance 2 streams the alert").isNotNull();
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            await().atMost(WAIT).alias("both instances answer top entities").until(() -> {
                answers.clear();
                for (String base : bases) {
                    answers.add(get(base + "/api/entities/top?window=24h"));
                }
                return answers.stream().allMatch(r -> r.statusCode() == 200 && r.body().contains("\"tobruk\""));
            });
            assertThat(json(answers.get(0))).isEqualTo(json(answers.get(1)));
            assertThat(answers).as("exactly one answer came through the other instance")
                    .filteredOn(r -> r.headers().firstValue("X-Newsmon-Served-By").isPresent()).hasSize(1);
            assertThat(json(get(bases.get(1) + "/api/watchlist")).get("tracked").findValuesAsText("id"))
                    .contains("tobruk");
        }
    }

    private void watchlistChanges(String base) throws Exception {
        JsonNode list = json(get(base + "/api/watchlist"));
        assertThat(list.get("writeRequiresToken").asBoolean()).isTrue();
        assertThat(list.get("tracked").findValuesAsText("id")).containsExactly("tobruk", "wagner-group");

        String haftar = "{\"id\":\"khalifa-haftar\"}";
        assertThat(post(base, haftar, "application/json", null).statusCode()).isEqualTo(401);
        assertThat(post(base, haftar, "application/json", "wrong").statusCode()).isEqualTo(401);
        assertThat(post(base, haftar, "text/plain", TOKEN).statusCode()).isEqualTo(415);
        HttpResponse<String> unknown = post(base, "{\"id\":\"no-such-entity\"}", "application/json", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).contains("not in the built-in gazetteer");
        assertThat(post(base, "{\"id\":\"x\",\"names\":[\"" + "n".repeat(20_000) + "\"]}", "application/json",
                TOKEN).statusCode()).isEqualTo(413);
        assertThat(post(base, "{not json", "application/json", TOKEN).statusCode()).isEqualTo(400);

        assertThat(post(base, haftar, "application/json", TOKEN).statusCode()).isEqualTo(202);
        assertThat(post(base, "{\"id\":\"sahel-brigade\",\"type\":\"ORG\",\"names\":[\"لواء الساحل\"]}",
                "application/json", TOKEN).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> json(get(base + "/api/watchlist")).get("tracked").findValuesAsText("id")
                .containsAll(List.of("khalifa-haftar", "sahel-brigade")));
        JsonNode tracked = json(get(base + "/api/watchlist")).get("tracked");
        for (JsonNode e : tracked) {
            if (e.get("id").asText().equals("sahel-brigade")) {
                assertThat(e.get("builtIn").asBoolean()).isFalse();
                assertThat(e.get("name").asText()).isEqualTo("لواء الساحل");
            }
            if (e.get("id").asText().equals("khalifa-haftar")) {
                assertThat(e.get("nameAr").asText()).isNotBlank();
            }
        }

        assertThat(delete(base + "/api/watchlist/khalifa-haftar", null).statusCode()).isEqualTo(401);
        assertThat(delete(base + "/api/watchlist/khalifa-haftar", TOKEN).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> !json(get(base + "/api/watchlist")).get("tracked").findValuesAsText("id")
                .contains("khalifa-haftar"));
        assertThat(delete(base + "/api/watchlist/khalifa-haftar", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/watchlist"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(405);
    }

    static RunCommand command(KafkaCluster kafka, String prefix, String appId, Path dataDir, String... more) {
        RunCommand run = new RunCommand();
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix",
                prefix, "--application-id", appId, "--data-dir", dataDir.toString(), "--http-port", "0",
                "--partitions", "2", "--threads", "1", "--trend-min-count", "3", "--http-token", TOKEN));
        args.addAll(List.of(more));
        new CommandLine(run).parseArgs(args.toArray(String[]::new));
        return run;
    }

    static void publish(KafkaCluster kafka, RunCommand run, String... articles) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String a : articles) {
                p.send(new ProducerRecord<>(run.kafka.topics().raw(), a.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private HttpResponse<String> post(String base, String body, String contentType, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/watchlist"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private HttpResponse<String> delete(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).DELETE();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }
}
