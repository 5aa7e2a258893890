package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.core.ingest.RawHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayTest {

    private static final Instant MTIME = Instant.parse("2024-04-20T00:00:00Z");

    @TempDir
    Path dir;

    private static List<InputUnit> ordered(ReplayPlan plan) {
        List<InputUnit> out = new ArrayList<>();
        plan.ordered().forEachRemaining(out::add);
        return out;
    }

    @Test
    void planOrdersByEventTimeAndKeepsInputOrderForTies() {
        Path a = TestFiles.write(dir, "a.jsonl", """
                {"id":"late","title":"t","body":"b","publishedAt":"2024-04-03T00:00:00Z"}
                {"id":"tie-1","title":"t","body":"b","publishedAt":"2024-04-02T00:00:00Z"}
                {"id":"early","title":"t","body":"b","publishedAt":"2024-04-01T00:00:00Z"}
                """, MTIME);
        Path b = TestFiles.write(dir, "b.json", """
                [{"id":"tie-2","title":"t","body":"b","publishedAt":"2024-04-02T00:00:00Z"},
                 {"id":"no-date","title":"t","body":"b"}]
                """, MTIME);

        try (ReplayPlan plan = ReplayPlan.build(List.of(a.toString(), b.toString()), ReaderOptions.defaults(), dir)) {
            List<InputUnit> units = ordered(plan);

            assertThat(plan.size()).isEqualTo(5);
            assertThat(units).extracting(InputUnit::key).containsExactly("early", "tie-1", "tie-2", "late", "no-date");
            assertThat(units.get(4).eventTime()).isEqualTo(MTIME);
            assertThat(units.get(4).timeSource()).isEqualTo("file-time");
            assertThat(units.get(2).origin()).isEqualTo(b + "#1");
        }
    }

    @Test
    void anUnchangedFutureDatedFileIsNotReportedAsChanged() throws Exception {
        // a file modified "in the future" (a clock ahead, an unpacked archive): undated articles take its time,
        // and an article dated a few hours ahead of it is kept as it is
        Instant fileTime = Instant.now().plus(Duration.ofDays(30));
        Path a = TestFiles.write(dir, "future.jsonl", """
                {"id":"undated","title":"t","body":"b"}
                {"id":"past","title":"t","body":"b","publishedAt":"2024-04-01T00:00:00Z"}
                {"id":"ahead","title":"t","body":"b","publishedAt":"%s"}
                """.formatted(fileTime.plus(Duration.ofHours(3))), fileTime);
        try (ReplayPlan plan = ReplayPlan.build(List.of(a.toString()), ReaderOptions.defaults(), dir)) {
            Thread.sleep(20); // the clock moves between indexing and sending, as it always does
            List<InputUnit> units = ordered(plan);
            assertThat(plan.changedUnits()).isZero();
            assertThat(units).extracting(InputUnit::key).containsExactly("past", "undated", "ahead");
        }
    }

    @Test
    void replayedUnitsAreTheSameAsIngestedUnits() {
        Path archive = TestFiles.fixture("archive");
        Path feed = TestFiles.fixture("feeds/rss2.xml");
        Path broken = TestFiles.fixture("feeds/broken.xml");
        Path empty = TestFiles.write(dir, "in/empty.html", "", MTIME);
        List<String> inputs = List.of(archive.toString(), feed.toString(), broken.toString(), empty.toString());

        List<InputUnit> ingested = new ArrayList<>(TestFiles.readAll(inputs.toArray(String[]::new)));
        // The replay orders by record timestamp (milliseconds); List.sort is stable, like the replay.
        ingested.sort(Comparator.comparingLong(RecordPublisher::timestamp));
        try (ReplayPlan plan = ReplayPlan.build(inputs, ReaderOptions.defaults(), dir)) {
            List<InputUnit> replayed = ordered(plan);

            assertThat(replayed).hasSameSizeAs(ingested);
            for (int i = 0; i < replayed.size(); i++) {
                InputUnit r = replayed.get(i);
                InputUnit e = ingested.get(i);
                assertThat(r.origin()).isEqualTo(e.origin());
                assertThat(r.payload()).as(r.origin()).isEqualTo(e.payload());
                assertThat(r.format()).isEqualTo(e.format());
                assertThat(r.error()).isEqualTo(e.error());
                assertThat(r.eventTime()).isEqualTo(e.eventTime());
                assertThat(r.timeSource()).isEqualTo(e.timeSource());
                assertThat(r.key()).isEqualTo(e.key());
            }
        }
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".spill"))).as("spill file deleted").isEmpty();
    }

    @Test
    void replayJobPublishesInEventTimeOrderWithSeqFollowingThatOrder() {
        Path f = TestFiles.write(dir, "x.jsonl", """
                {"id":"c","title":"t","body":"b","publishedAt":"2024-04-03T00:00:00Z"}
                {"id":"a","title":"t","body":"b","publishedAt":"2024-04-01T00:00:00Z"}
                {"id":"b","title":"t","body":"b","publishedAt":"2024-04-02T00:00:00Z"}
                """, MTIME);
        MockKafka kafka = new MockKafka();
        List<Long> totals = new ArrayList<>();

        IngestSummary summary = ReplayJob.run(List.of(f.toString()),
                kafka.options().withProgress((done, total) -> totals.add(total)),
                new ReplayOptions(ReplaySpeed.MAX, Duration.ofSeconds(5), dir));

        List<ProducerRecord<byte[], byte[]>> records = kafka.records();
        assertThat(records).extracting(r -> new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("a", "b", "c");
        assertThat(records).extracting(MockKafka::seq).containsExactly(0L, 1L, 2L);
        assertThat(records).extracting(ProducerRecord::timestamp).isSorted();
        assertThat(records).extracting(r -> MockKafka.header(r, RawHeaders.ORIGIN))
                .containsExactly(f + ":2", f + ":3", f + ":1");
        assertThat(totals).containsOnly(3L);
        assertThat(summary.sent()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"max, Infinity", "MAX, Infinity", "1x, 1", "10x, 10", "0.5x, 0.5", "2, 2", "2.5X, 2.5", ".25x, 0.25"})
    void parsesSpeeds(String text, double factor) {
        assertThat(ReplaySpeed.parse(text).factor()).isEqualTo(factor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "0x", "0", "-1x", "x", "1xx", "1e3x", "NaNx"})
    void rejectsBadSpeedsWithAReadableMessage(String text) {
        assertThatThrownBy(() -> ReplaySpeed.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
    }

    @Test
    void waitsAreScaledGapsCappedAtTheMaximum() {
        Duration cap = Duration.ofSeconds(5);
        assertThat(ReplaySpeed.parse("1x").waitFor(Duration.ofSeconds(2), cap)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ReplaySpeed.parse("10x").waitFor(Duration.ofSeconds(2), cap)).isEqualTo(Duration.ofMillis(200));
        assertThat(ReplaySpeed.parse("0.5x").waitFor(Duration.ofSeconds(2), cap)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ReplaySpeed.parse("1x").waitFor(Duration.ofDays(3), cap)).isEqualTo(cap);
        assertThat(ReplaySpeed.MAX.waitFor(Duration.ofDays(3), cap)).isZero();
        assertThat(ReplaySpeed.parse("1x").waitFor(Duration.ofSeconds(-2), cap)).isZero();
    }

    @Test
    void pacerSchedulesAgainstTheStartSoSlowSendsCatchUp() {
        AtomicLong clock = new AtomicLong();
        List<Long> sleeps = new ArrayList<>();
        Pacer pacer = new Pacer(ReplaySpeed.parse("2x"), Duration.ofSeconds(5), clock::get, nanos -> {
            sleeps.add(nanos);
            clock.addAndGet(nanos);
        });
        Instant t0 = Instant.parse("2024-04-01T00:00:00Z");

        pacer.await(t0);                                   // first record: no wait
        pacer.await(t0.plusSeconds(4));                    // gap 4 s at 2x: due at 2 s
        clock.addAndGet(Duration.ofSeconds(3).toNanos());  // sending took 3 s
        pacer.await(t0.plusSeconds(6));                    // due at 3 s: already late, no sleep
        pacer.await(t0.plusSeconds(3600));                 // one hour gap: capped at 5 s, due at 8 s

        assertThat(sleeps).containsExactly(Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(3).toNanos());
        assertThat(clock.get()).isEqualTo(Duration.ofSeconds(8).toNanos());
    }

    @Test
    void indexOrderIsAStableSortByEventTime() {
        ReplayIndex index = new ReplayIndex();
        for (int i = 0; i < 10_000; i++) {
            index.add(0, Origin.line("f", i + 1), dev.newsmon.core.ingest.InputFormat.JSON, false, false, i * 100L, 99,
                    10_000 - (i % 7), null);
        }
        int[] order = index.order();
        for (int k = 1; k < order.length; k++) {
            long prev = index.eventMillis(order[k - 1]);
            long cur = index.eventMillis(order[k]);
            assertThat(prev).isLessThanOrEqualTo(cur);
            if (prev == cur) {
                assertThat(order[k - 1]).isLessThan(order[k]);
            }
        }
    }
}
