package dev.newsmon.app;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The cluster a command talks to: an external one, the embedded broker of a running demo, or an embedded broker
 * started for this command (closed with it).
 */
final class KafkaConnection implements AutoCloseable {

    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final EmbeddedKafkaBroker ownBroker;

    private KafkaConnection(String bootstrapServers, Map<String, String> clientProperties, EmbeddedKafkaBroker own) {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = Map.copyOf(clientProperties);
        this.ownBroker = own;
    }

    static KafkaConnection open(KafkaOptions options) {
        // read first: an unusable --command-config must fail before a broker is started or contacted
        Map<String, String> properties = options.clientProperties();
        if (!options.embedded()) {
            String bootstrap = options.bootstrapServers.strip();
            ClusterCheck.verify(bootstrap, properties, ClusterCheck.TIMEOUT);
            return new KafkaConnection(bootstrap, properties, null);
        }
        Path brokerDir = options.dataDir.resolve("broker");
        Optional<String> running = EmbeddedKafkaBroker.runningElsewhere(brokerDir);
        if (running.isPresent()) {
            return new KafkaConnection(running.get(), properties, null);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.persistent(brokerDir, KafkaOptions.EMBEDDED_PORT).start();
        return new KafkaConnection(broker.bootstrapServers(), properties, broker);
    }

    /** A connection to a broker this command owns (scan's temporary broker). */
    static KafkaConnection ofOwnBroker(EmbeddedKafkaBroker broker, Map<String, String> clientProperties) {
        return new KafkaConnection(broker.bootstrapServers(), clientProperties, broker);
    }

    /** A connection to a cluster someone else runs (the bench's broker process). */
    static KafkaConnection to(String bootstrapServers, Map<String, String> clientProperties) {
        return new KafkaConnection(bootstrapServers, clientProperties, null);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    boolean startedEmbeddedBroker() {
        return ownBroker != null;
    }

    Map<String, String> clientProperties() {
        return clientProperties;
    }

    /** Admin/producer/consumer base config: bootstrap plus the user's pass-through properties. */
    Map<String, Object> clientConfig() {
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return c;
    }

    @Override
    public void close() {
        if (ownBroker != null) {
            ownBroker.close();
        }
    }
}
