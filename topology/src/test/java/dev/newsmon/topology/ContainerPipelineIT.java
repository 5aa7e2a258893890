package dev.newsmon.topology;

import dev.newsmon.testing.DockerKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same pipeline contract on Testcontainers' KafkaContainer; skipped where no Docker engine runs. */
@ExtendWith(DockerKafkaExtension.class)
class ContainerPipelineIT extends PipelineContract {

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
