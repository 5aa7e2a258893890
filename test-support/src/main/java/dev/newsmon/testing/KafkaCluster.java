package dev.newsmon.testing;

/** A Kafka cluster a test runs against: the embedded broker, or a container when Docker is available. */
public interface KafkaCluster {

    String bootstrapServers();

    /** A topic or application-id name no other test uses. */
    default String unique(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime()) + "-" + Integer.toHexString((int) (Math.random() * 0xffff));
    }
}
