package dev.newsmon.producers;

import dev.newsmon.core.ingest.RawHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A MockProducer factory that remembers the properties the job asked for. */
final class MockKafka implements ProducerFactory {

    final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    Properties properties;

    @Override
    public MockProducer<byte[], byte[]> create(Properties props) {
        this.properties = props;
        return producer;
    }

    IngestOptions options() {
        return IngestOptions.of("mock:9092", "articles.raw").withProducerFactory(this);
    }

    List<ProducerRecord<byte[], byte[]>> records() {
        return producer.history();
    }

    static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String origin(ProducerRecord<byte[], byte[]> r) {
        return header(r, RawHeaders.ORIGIN);
    }

    static long seq(ProducerRecord<byte[], byte[]> r) {
        return Long.parseLong(header(r, RawHeaders.SEQ));
    }
}
