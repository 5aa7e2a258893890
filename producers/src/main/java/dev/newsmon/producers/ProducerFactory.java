package dev.newsmon.producers;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the Kafka producer of a run; tests pass a MockProducer, everything else the default. */
@FunctionalInterface
public interface ProducerFactory {

    ProducerFactory KAFKA = props -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());

    Producer<byte[], byte[]> create(Properties properties);
}
