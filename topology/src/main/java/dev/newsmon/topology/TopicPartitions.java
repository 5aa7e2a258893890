package dev.newsmon.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The partitions of topics, for consumers that assign themselves every partition instead of joining a group. */
public final class TopicPartitions {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private TopicPartitions() {
    }

    /** Every partition of each topic, in topic order; none for a topic that does not exist. */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        return partitions;
    }

    /** Every partition of {@code topic}; empty when it does not exist. */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic) {
        return of(consumer, List.of(topic));
    }
}
