package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.ingest.RawHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {

    @TempDir
    Path dir;

    @Test
    void publishesEveryUnitInReadingOrderWithAGapFreeSequence() {
        MockKafka kafka = new MockKafka();
        Path archive = TestFiles.fixture("archive");
        Path feed = TestFiles.fixture("feeds/rss2.xml");
        List<long[]> progress = new ArrayList<>();

        IngestSummary summary = IngestJob.run(List.of(archive.toString(), feed.toString()),
                kafka.options().withProgress((done, total) -> progress.add(new long[] {done, total})));

        List<ProducerRecord<byte[], byte[]>> records = kafka.records();
        List<InputUnit> expected = TestFiles.readAll(archive.toString(), feed.toString());
        assertThat(records).extracting(MockKafka::origin)
                .containsExactlyElementsOf(expected.stream().map(InputUnit::origin).toList());
        assertThat(records).extracting(MockKafka::seq)
                .containsExactlyElementsOf(LongStream.range(0, expected.size()).boxed().toList());
        assertThat(records).extracting(r -> MockKafka.header(r, RawHeaders.RUN)).containsOnly(summary.runId().toString());
        assertThat(summary.unitsRead()).isEqualTo(expected.size());
        assertThat(summary.sentByFormat()).containsEntry("json", 10L).containsEntry("text", 1L).containsEntry("html", 1L);
        assertThat(summary.errorUnits()).isZero();
        assertThat(summary.skippedFiles()).isEqualTo(2);
        assertThat(summary.ok()).isTrue();
        assertThat(summary.describe()).startsWith("12 units sent (html 1, json 10, text 1), 0 error units, 2 files skipped");
        assertThat(progress).hasSize(expected.size());
        assertThat(progress.get(progress.size() - 1)).containsExactly(12, -1);
        assertThat(kafka.properties).containsEntry("bootstrap.servers", "mock:9092")
                .containsEntry("enable.idempotence", "true");
        assertThat(kafka.producer.closed()).isTrue();
    }

    @Test
    void errorUnitsAreSentAndCounted() {
        MockKafka kafka = new MockKafka();
        Path empty = TestFiles.write(dir, "empty.txt", "", java.time.Instant.parse("2024-01-01T00:00:00Z"));

        IngestSummary summary = IngestJob.run(List.of(empty.toString(), dir.resolve("missing.json").toString()),
                kafka.options());

        assertThat(summary.errorUnits()).isEqualTo(2);
        assertThat(summary.sentByFormat()).containsEntry("text", 1L).containsEntry("json", 1L);
        assertThat(kafka.records()).extracting(r -> MockKafka.header(r, RawHeaders.ERROR))
                .containsExactly("The file is empty (0 bytes)", "No such file or folder");
    }

    @Test
    void unusableInputsAreListedForAUsageError() {
        Path existing = TestFiles.write(dir, "a.pdf", "%PDF", java.time.Instant.EPOCH);

        List<String> problems = IngestJob.unusableInputs(List.of(existing.toString(), dir.resolve("nope").toString(),
                "https://example.org/feed", "ftp://example.org/feed"));

        assertThat(problems).containsExactly(dir.resolve("nope") + ": no such file or folder",
                "ftp://example.org/feed: only http:// and https:// URLs can be fetched");
    }
}
