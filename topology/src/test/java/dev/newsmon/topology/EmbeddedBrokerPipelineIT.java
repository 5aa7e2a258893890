package dev.newsmon.topology;

import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pipeline contract on the real in-process KRaft broker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedBrokerPipelineIT extends PipelineContract {

    private KafkaCluster cluster;

    @BeforeEach
    void setUp(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    KafkaCluster cluster() {
        return cluster;
    }
}
