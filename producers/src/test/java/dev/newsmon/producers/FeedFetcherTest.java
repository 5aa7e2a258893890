package dev.newsmon.producers;

import static dev.newsmon.producers.TestFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final ReaderOptions OPTIONS = ReaderOptions.defaults()
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    private static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(TestFiles.fixture(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void feedUrlItemsHaveUrlOriginsAndIngestTimeFallback() {
        try (FeedServer server = new FeedServer().on("/feed", ex ->
                FeedServer.respond(ex, 200, "application/rss+xml", fixture("feeds/rss2.xml")))) {
            String url = server.url("/feed");

            List<InputUnit> units = readAll(OPTIONS, url);

            assertThat(units).extracting(InputUnit::origin).containsExactly(url + "#1", url + "#2", url + "#3");
            assertThat(units.get(0).eventTime()).isEqualTo(Instant.parse("2024-04-16T08:12:02Z"));
            assertThat(units.get(2).eventTime()).isEqualTo(NOW);
            assertThat(units.get(2).timeSource()).isEqualTo("ingest-time");
            assertThat(server.requests.get(0).getRequestHeaders().getFirst("User-Agent"))
                    .startsWith("newsmon/");
        }
    }

    @Test
    void redirectsAreFollowed() {
        try (FeedServer server = new FeedServer()) {
            server.on("/old", ex -> {
                ex.getResponseHeaders().add("Location", server.url("/new"));
                ex.sendResponseHeaders(301, -1);
            }).on("/new", ex -> FeedServer.respond(ex, 200, "application/atom+xml", fixture("feeds/atom.xml")));

            List<InputUnit> units = readAll(OPTIONS, server.url("/old"));

            assertThat(units).hasSize(2);
            assertThat(units.get(0).origin()).isEqualTo(server.url("/old") + "#1");
        }
    }

    @Test
    void httpErrorsAndUnreachableServersBecomeErrorUnits() {
        try (FeedServer server = new FeedServer().on("/gone", ex -> FeedServer.respond(ex, 404, "text/plain",
                "nothing here".getBytes(StandardCharsets.UTF_8)))) {
            String missing = server.url("/gone");
            String closedPort = "http://127.0.0.1:9/feed";

            List<InputUnit> units = readAll(OPTIONS, missing, closedPort);

            assertThat(units).extracting(InputUnit::origin).containsExactly(missing, closedPort);
            assertThat(units.get(0).error()).isEqualTo("The feed URL answered HTTP 404 (not found)");
            assertThat(units.get(1).error()).startsWith("The feed could not be fetched");
            assertThat(units).extracting(InputUnit::timeSource).containsOnly("ingest-time");
        }
    }

    @Test
    void oversizedBodyIsCutOff() {
        byte[] big = new byte[64 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        try (FeedServer server = new FeedServer().on("/big", ex -> FeedServer.respond(ex, 200, "application/xml", big))) {
            List<InputUnit> units = readAll(OPTIONS.withMaxFeedBytes(16 * 1024), server.url("/big"));

            assertThat(units).hasSize(1);
            assertThat(units.get(0).error()).isEqualTo("The feed is larger than the 16 KiB limit; it was not read");
        }
    }

    @Test
    void slowServerTimesOut() {
        try (FeedServer server = new FeedServer().on("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedServer.respond(ex, 200, "application/xml", fixture("feeds/rdf.xml"));
        })) {
            ReaderOptions fast = OPTIONS.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));

            List<InputUnit> units = readAll(fast, server.url("/slow"));

            assertThat(units).hasSize(1);
            assertThat(units.get(0).error()).isEqualTo("The feed could not be fetched within 0.3 s");
        }
    }

    @Test
    void conditionalRequestsSendValidatorsAndUnderstandNotModified() {
        try (FeedServer server = new FeedServer().on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            FeedServer.respond(ex, 200, "application/xml", fixture("feeds/rdf.xml"));
        })) {
            FeedFetcher fetcher = new FeedFetcher(OPTIONS);

            FeedFetcher.Result first = fetcher.fetch(server.url("/feed"), null, null);
            FeedFetcher.Result second = fetcher.fetch(server.url("/feed"), "\"v1\"", null);

            assertThat(first).isInstanceOf(FeedFetcher.Result.Fetched.class);
            assertThat(((FeedFetcher.Result.Fetched) first).etag()).isEqualTo("\"v1\"");
            assertThat(second).isInstanceOf(FeedFetcher.Result.NotModified.class);
        }
    }
}
