package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** A failure inside the topology is rejected under the input that failed, never under another one or "null/-1/-1". */
class RejectingExceptionHandlerTest {

    private final RejectingExceptionHandler handler = new RejectingExceptionHandler();

    @Test
    void aFailedItemReleasedByAnotherInputIsRejectedUnderItsOwnOrigin() {
        Rejection parsed = new Rejection("no body", "id-7", "feed.jsonl:7", "{\"title\":\"x\"}", "missing-body");
        SequencedItem failing = new SequencedItem("run", 7, null, parsed, 0L);
        Rejection r = handle(context("newsmon-sequencer-repartition", "{\"other\":true}"),
                new Record<>("run", failing, 5L));
        assertThat(r.origin()).isEqualTo("feed.jsonl:7");
        assertThat(r.id()).isEqualTo("id-7");
        assertThat(r.raw()).contains("title");
    }

    @Test
    void aFailureInAScheduledTaskNamesTheTaskNotNullMinusOne() {
        Rejection r = handle(context(null, null), null);
        assertThat(r.origin()).isEqualTo("a scheduled task in sequence").doesNotContain("null");
    }

    @Test
    void aRecordWithoutItsOwnOriginFallsBackToTheSourceRecord() {
        Rejection r = handle(context("articles.raw", "{\"a\":1}"), new Record<>(new byte[0], new byte[0], 3L));
        assertThat(r.origin()).isEqualTo("articles.raw/2/41");
        assertThat(r.raw()).isEqualTo("{\"a\":1}");
    }

    private Rejection handle(ErrorHandlerContext context, Record<?, ?> record) {
        ProcessingExceptionHandler.Response response = handler.handleError(context, record,
                new IllegalArgumentException("Timestamp may not be negative"));
        List<ProducerRecord<byte[], byte[]>> out = response.deadLetterQueueRecords();
        assertThat(out).hasSize(1);
        return Json.read(out.get(0).value(), Rejection.class);
    }

    private static ErrorHandlerContext context(String topic, String raw) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return topic == null ? -1 : 2;
            }

            @Override
            public long offset() {
                return topic == null ? -1 : 41;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "sequence";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(1, 0);
            }

            @Override
            public long timestamp() {
                return -1;
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return raw == null ? null : raw.getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
