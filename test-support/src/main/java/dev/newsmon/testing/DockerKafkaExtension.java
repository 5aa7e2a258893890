package dev.newsmon.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Injects a {@link KafkaCluster} backed by Testcontainers' KafkaContainer (apache/kafka image, same version
 * as our clients). Disables the test with a message when no Docker engine is available.
 */
public final class DockerKafkaExtension implements ParameterResolver, ExecutionCondition {

    public static final String IMAGE = "apache/kafka:4.3.1";

    private static final class Holder {
        static final KafkaContainer CONTAINER = start();

        private static KafkaContainer start() {
            KafkaContainer c = new KafkaContainer(DockerImageName.parse(IMAGE));
            c.start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "kafka-container-stop"));
            return c;
        }
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return dockerAvailable() ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled("no Docker engine here: skipping the Testcontainers variant");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String bootstrap = Holder.CONTAINER.getBootstrapServers();
        return (KafkaCluster) () -> bootstrap;
    }
}
