package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.topology.TopicPartitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every committed JSON record now in a topic (read_committed, no consumer group), for commands that print them. */
final class TopicSnapshot {

    private TopicSnapshot() {
    }

    static List<JsonNode> read(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> cfg = new HashMap<>(clientConfig);
        cfg.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topic);
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (nothing was ingested with "
                        + "these settings yet: check --bootstrap-servers and --topic-prefix)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<JsonNode> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode node = AlertFollower.parse(r.value());
                    if (node != null) {
                        records.add(node);
                    }
                }
            }
            return records;
        }
    }
}
