package dev.newsmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void persistentBrokerKeepsItsDataAndPortsAcrossRestarts() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(dir, 0).start();
        String address = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", address),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("kept", "k", "still here")).get();
        }
        assertThat(EmbeddedKafkaBroker.runningElsewhere(dir)).as("our own broker is not 'elsewhere'").isEmpty();
        broker.close();

        EmbeddedKafkaBroker again = EmbeddedKafkaBroker.persistent(dir, 0).start();
        try {
            assertThat(again.bootstrapServers()).isEqualTo(address);
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", address),
                    new StringDeserializer(), new StringDeserializer())) {
                TopicPartition tp = new TopicPartition("kept", 0);
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                ConsumerRecords<String, String> records = c.poll(Duration.ofSeconds(10));
                assertThat(records.records(tp)).extracting(r -> r.value()).containsExactly("still here");
            }
        } finally {
            again.close();
        }
    }

    @Test
    void aTakenDefaultPortIsReplacedByAFreeOneAndSaved() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.temporary().start()) {
            int taken = port(first);
            // two data directories at once, both asking for the same default port
            try (EmbeddedKafkaBroker a = EmbeddedKafkaBroker.persistent(dir.resolve("a"), taken).start();
                    EmbeddedKafkaBroker b = EmbeddedKafkaBroker.persistent(dir.resolve("b"), taken).start()) {
                assertThat(port(a)).isNotEqualTo(taken);
                assertThat(port(b)).isNotEqualTo(taken).isNotEqualTo(port(a));
                assertThat(EmbeddedKafkaBroker.savedPort(dir.resolve("a"))).hasValue(port(a));
                assertThat(EmbeddedKafkaBroker.savedPort(dir.resolve("b"))).hasValue(port(b));
                for (EmbeddedKafkaBroker broker : List.of(a, b)) {
                    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                        assertThat(admin.describeCluster().nodes().get()).hasSize(1);
                    }
                }
            }
        }
    }

    @Test
    void aTakenSavedPortGivesAClearError() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.temporary().start()) {
            int port = port(first);
            Path other = dir.resolve("other");
            java.nio.file.Files.createDirectories(other);
            java.nio.file.Files.writeString(other.resolve("ports.properties"), "broker=" + port + "\ncontroller="
                    + (port + 1) + "\n");
            EmbeddedKafkaBroker second = EmbeddedKafkaBroker.persistent(other, port);
            assertThatThrownBy(second::start).hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    private static int port(EmbeddedKafkaBroker broker) {
        return Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
    }
}
