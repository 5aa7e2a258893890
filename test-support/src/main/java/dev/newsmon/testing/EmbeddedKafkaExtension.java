package dev.newsmon.testing;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link KafkaCluster} backed by one real embedded KRaft broker shared by every test of the JVM
 * (started on first use, stopped at JVM exit). Tests isolate themselves with unique topic names.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final class Holder {
        static final EmbeddedKafkaBroker BROKER = start();

        private static EmbeddedKafkaBroker start() {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
            return broker;
        }
    }

    /** The shared broker's address (starts it if needed). */
    public static String bootstrapServers() {
        return Holder.BROKER.bootstrapServers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        String bootstrap = bootstrapServers();
        return (KafkaCluster) () -> bootstrap;
    }
}
