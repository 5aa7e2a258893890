package dev.newsmon.topology;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.json.Json;
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
        return ProcessingExceptionHandler.Response.resume(List.of(rejection(context, exception, "processing")));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.error("Cannot deserialize {}/{}/{}; the record goes to {}", context.topic(), context.partition(),
                context.offset(), rejectedTopic, exception);
        return DeserializationExceptionHandler.Response.resume(List.of(rejection(context, exception, "reading")));
    }

    /** One line of at most 300 chars: exception messages may quote whatever the record held. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private ProducerRecord<byte[], byte[]> rejection(ErrorHandlerContext context, Exception e, String stage) {
        Header originHeader = context.headers() == null ? null : context.headers().lastHeader(RawHeaders.ORIGIN);
        String origin = originHeader != null && originHeader.value() != null
                ? new String(originHeader.value(), StandardCharsets.UTF_8)
                : context.topic() + "/" + context.partition() + "/" + context.offset();
        byte[] raw = context.sourceRawValue() == null ? new byte[0] : context.sourceRawValue();
        Rejection r = new Rejection("Internal error while " + stage + " the record (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")", null, origin,
                ArticleParser.excerpt(raw), RejectCode.INTERNAL.wireName());
        return new ProducerRecord<>(rejectedTopic, null, context.timestamp() < 0 ? null : context.timestamp(),
                origin.getBytes(StandardCharsets.UTF_8), Json.writeBytes(r));
    }
}
