package dev.newsmon.topology;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.Duplicate;
import dev.newsmon.core.model.RejectCode;
import dev.newsmon.core.model.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: a record that still makes a processor or a deserializer throw is not retried forever
 * and not dropped silently; it is written to the rejected topic (in the same transaction) and the app goes on.
 */
public final class RejectingExceptionHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    /** Streams config key naming the rejected topic. */
    public static final String REJECTED_TOPIC_CONFIG = "newsmon.rejected.topic";
    private static final Logger LOG = LoggerFactory.getLogger(RejectingExceptionHandler.class);

    private String rejectedTopic = Topics.DEFAULT.rejected();

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(REJECTED_TOPIC_CONFIG);
        if (topic != null) {
            rejectedTopic = topic.toString();
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        LOG.error("Processing failed in {} for {}/{}/{}; the record goes to {}", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), rejectedTopic, exception);
        return ProcessingExceptionHandler.Response.resume(List.of(rejection(context, record, exception, "processing")));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.error("Cannot deserialize {}/{}/{}; the record goes to {}", context.topic(), context.partition(),
                context.offset(), rejectedTopic, exception);
        return DeserializationExceptionHandler.Response.resume(List.of(rejection(context, null, exception, "reading")));
    }

    /** One line of at most 300 chars: exception messages may quote whatever the record held. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /**
     * The rejection names the input that failed. Behind the repartition the source record is whichever input reached
     * the sequencer and released the failing one, and in a punctuation there is no source record at all: the failing
     * record's own origin, id and content come first, the source record's only when it carries none.
     */
    private ProducerRecord<byte[], byte[]> rejection(ErrorHandlerContext context, Record<?, ?> record, Exception e,
            String stage) {
        Failed failed = Failed.of(record == null ? null : record.value());
        String origin = failed != null ? failed.origin() : sourceOrigin(context);
        String raw = failed != null ? failed.raw()
                : ArticleParser.excerpt(context.sourceRawValue() == null ? new byte[0] : context.sourceRawValue());
        Rejection r = new Rejection("Internal error while " + stage + " the record (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")",
                failed == null ? null : failed.id(), origin, raw, RejectCode.INTERNAL.wireName());
        long timestamp = record != null && record.timestamp() >= 0 ? record.timestamp() : context.timestamp();
        return new ProducerRecord<>(rejectedTopic, null, timestamp < 0 ? null : timestamp,
                origin.getBytes(StandardCharsets.UTF_8), Json.writeBytes(r));
    }

    private static String sourceOrigin(ErrorHandlerContext context) {
        Header originHeader = context.headers() == null ? null : context.headers().lastHeader(RawHeaders.ORIGIN);
        if (originHeader != null && originHeader.value() != null) {
            return new String(originHeader.value(), StandardCharsets.UTF_8);
        }
        if (context.topic() == null) {
            return "a scheduled task in " + context.processorNodeId();
        }
        return context.topic() + "/" + context.partition() + "/" + context.offset();
    }

    /** What a record inside the topology says about the input it came from. */
    private record Failed(String origin, String id, String raw) {

        static Failed of(Object value) {
            Object payload = value instanceof Emitted emitted ? emitted.payload() : value;
            if (payload instanceof SequencedItem item) {
                payload = item.analyzed() != null ? item.analyzed().article() : item.rejection();
            }
            String raw = payload == null ? "" : ArticleParser.excerpt(Json.writeBytes(payload));
            if (payload instanceof Article a && a.origin() != null) {
                return new Failed(a.origin(), a.id(), raw);
            }
            if (payload instanceof Duplicate d && d.origin() != null) {
                return new Failed(d.origin(), d.id(), raw);
            }
            if (payload instanceof Rejection r && r.origin() != null) {
                return new Failed(r.origin(), r.id(), r.raw());
            }
            return null;
        }
    }
}
