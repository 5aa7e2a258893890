package dev.newsmon.producers;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Settings of a producer run ({@code ingest}, {@code replay}, {@code --watch}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic            the raw article topic
 * @param clientProperties extra producer properties (security settings, overrides), applied last
 * @param reader           how inputs are read (size limits, HTTP settings, clock)
 * @param progress         told after every unit sent
 * @param producerFactory  creates the producer from {@link #producerProperties()}
 */
public record IngestOptions(String bootstrapServers, String topic, Map<String, String> clientProperties,
        ReaderOptions reader, ProgressListener progress, ProducerFactory producerFactory) {

    public IngestOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the topic name is empty");
        }
        clientProperties = Map.copyOf(clientProperties);
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(producerFactory, "producerFactory");
    }

    public static IngestOptions of(String bootstrapServers, String topic) {
        return new IngestOptions(bootstrapServers, topic, Map.of(), ReaderOptions.defaults(), ProgressListener.NONE,
                ProducerFactory.KAFKA);
    }

    public IngestOptions withClientProperties(Map<String, String> props) {
        return new IngestOptions(bootstrapServers, topic, props, reader, progress, producerFactory);
    }

    public IngestOptions withReader(ReaderOptions r) {
        return new IngestOptions(bootstrapServers, topic, clientProperties, r, progress, producerFactory);
    }

    public IngestOptions withProgress(ProgressListener p) {
        return new IngestOptions(bootstrapServers, topic, clientProperties, reader, p, producerFactory);
    }

    public IngestOptions withProducerFactory(ProducerFactory f) {
        return new IngestOptions(bootstrapServers, topic, clientProperties, reader, progress, f);
    }

    /** The producer configuration of this run: {@link ProducerSettings} plus {@code clientProperties}. */
    public Properties producerProperties() {
        return ProducerSettings.properties(bootstrapServers, clientProperties);
    }
}
