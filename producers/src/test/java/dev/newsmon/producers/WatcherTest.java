package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.ingest.RawHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    private Path state() {
        return dir.resolve(".state");
    }

    private Watcher watcher(MockKafka kafka, String... inputs) {
        return new Watcher(List.of(inputs), kafka.options(), new WatchOptions(Duration.ofSeconds(1), state()));
    }

    private static void append(Path f, String text, Instant mtime) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, FileTime.from(mtime));
    }

    private static List<String> origins(MockKafka kafka) {
        return kafka.records().stream().map(MockKafka::origin).toList();
    }

    @Test
    void sendsNewAndChangedFilesOnlyAndResumesAppendedJsonl() throws IOException {
        Path in = dir.resolve("in");
        Path log = TestFiles.write(in, "log.jsonl", "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n", T0);
        Path page = TestFiles.write(in, "p.txt", "Title\n\nBody text.", T0);
        MockKafka kafka = new MockKafka();

        try (Watcher w = watcher(kafka, in.toString())) {
            assertThat(w.pollOnce()).isEqualTo(2);
            assertThat(w.pollOnce()).as("nothing changed").isZero();

            append(log, "{\"id\":\"2\",\"title\":\"t\",\"body\":\"b\"}\n{\"id\":\"3\",\"ti", T0.plusSeconds(10));
            assertThat(w.pollOnce()).as("the complete new line only").isEqualTo(1);
            assertThat(w.pollOnce()).as("the unfinished last line once the file is quiet").isEqualTo(1);

            TestFiles.write(in, "p.txt", "Title\n\nBody text, corrected.", T0.plusSeconds(20));
            TestFiles.write(in, "new.html", "<p>New page</p>", T0.plusSeconds(20));
            assertThat(w.pollOnce()).isEqualTo(2);
        }

        assertThat(origins(kafka)).containsExactly(log + ":1", page.toString(), log + ":2", log + ":3",
                in.resolve("new.html").toString(), page.toString());
        assertThat(kafka.records()).extracting(MockKafka::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void rewrittenJsonlIsReadFromTheStart() throws IOException {
        Path log = TestFiles.write(dir, "in/log.jsonl", "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n", T0);
        MockKafka kafka = new MockKafka();
        try (Watcher w = watcher(kafka, log.toString())) {
            w.pollOnce();
            TestFiles.write(dir, "in/log.jsonl", "{\"id\":\"9\",\"title\":\"x\",\"body\":\"y\"}\n"
                    + "{\"id\":\"10\",\"title\":\"x\",\"body\":\"y\"}\n", T0.plusSeconds(5));
            assertThat(w.pollOnce()).isEqualTo(2);
        }
        assertThat(origins(kafka)).containsExactly(log + ":1", log + ":1", log + ":2");
    }

    @Test
    void restartedWatcherRemembersWhatItSent() throws IOException {
        Path in = dir.resolve("in");
        Path log = TestFiles.write(in, "log.jsonl", "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n", T0);
        MockKafka first = new MockKafka();
        try (Watcher w = watcher(first, in.toString())) {
            w.pollOnce();
            assertThat(w.stateFile()).exists();
        }
        append(log, "{\"id\":\"2\",\"title\":\"t\",\"body\":\"b\"}\n", T0.plusSeconds(3));

        MockKafka second = new MockKafka();
        try (Watcher w = watcher(second, in.toString())) {
            assertThat(w.pollOnce()).isEqualTo(1);
        }
        assertThat(origins(second)).containsExactly(log + ":2");
    }

    @Test
    void feedUrlsSendNewItemsOnlyAndReportAnOutageOnce() {
        AtomicReference<String> body = new AtomicReference<>(rss("one", "two"));
        AtomicReference<Integer> status = new AtomicReference<>(200);
        try (FeedServer server = new FeedServer().on("/feed", ex -> FeedServer.respond(ex, status.get(),
                "application/rss+xml", body.get().getBytes(StandardCharsets.UTF_8)))) {
            String url = server.url("/feed");
            MockKafka kafka = new MockKafka();
            try (Watcher w = watcher(kafka, url)) {
                assertThat(w.pollOnce()).isEqualTo(2);
                body.set(rss("three", "one", "two"));
                assertThat(w.pollOnce()).isEqualTo(1);
                status.set(503);
                assertThat(w.pollOnce()).as("the outage is reported").isEqualTo(1);
                assertThat(w.pollOnce()).as("but only once").isZero();
                status.set(200);
                body.set(rss("four", "three", "one"));
                assertThat(w.pollOnce()).isEqualTo(1);
            }
            List<ProducerRecord<byte[], byte[]>> records = kafka.records();
            assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .filteredOn(v -> v.startsWith("{"))
                    .extracting(v -> v.replaceAll(".*\"title\":\"([a-z]+)\".*", "$1"))
                    .containsExactly("one", "two", "three", "four");
            assertThat(records).extracting(r -> MockKafka.header(r, RawHeaders.ERROR))
                    .containsExactly(null, null, null, "The feed URL answered HTTP 503 (server error)", null);
            assertThat(records.get(2).headers().lastHeader(RawHeaders.ORIGIN).value())
                    .asString(StandardCharsets.UTF_8).isEqualTo(url + "#1");
        }
    }

    @Test
    void missingInputIsReportedOnceWhileItLasts() throws IOException {
        Path missing = dir.resolve("later.jsonl");
        MockKafka kafka = new MockKafka();
        try (Watcher w = watcher(kafka, missing.toString())) {
            assertThat(w.pollOnce()).isEqualTo(1);
            assertThat(w.pollOnce()).isZero();
            TestFiles.write(dir, "later.jsonl", "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n", T0);
            assertThat(w.pollOnce()).as("a complete line is sent at once").isEqualTo(1);
            assertThat(w.pollOnce()).isZero();
        }
        assertThat(kafka.records()).extracting(r -> MockKafka.header(r, RawHeaders.ERROR))
                .containsExactly("No such file or folder", null);
    }

    @Test
    void runStopsWhenAskedAndReturnsTheSummary() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "Title\n\nBody.", T0);
        MockKafka kafka = new MockKafka();
        try (Watcher w = new Watcher(List.of(in.toString()), kafka.options(),
                new WatchOptions(Duration.ofMillis(20), state()))) {
            Thread stopper = new Thread(() -> {
                org.awaitility.Awaitility.await().until(() -> kafka.records().size() == 1);
                w.stop();
            });
            stopper.start();
            IngestSummary summary = w.run();
            stopper.join();
            assertThat(summary.sent()).isEqualTo(1);
        }
    }

    private static String rss(String... titles) {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Watch feed</title>");
        for (String t : titles) {
            sb.append("<item><title>").append(t).append("</title><link>https://w.example/").append(t)
                    .append("</link><description>Text of ").append(t).append(".</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }
}
