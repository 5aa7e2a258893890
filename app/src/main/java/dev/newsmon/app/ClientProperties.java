package dev.newsmon.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka client properties as Kafka's own tools take them: a {@code client.properties} file, checked names. */
final class ClientProperties {

    /** Every property a newsmon client (admin, producer, consumer, Kafka Streams, newsmon's own) reads. */
    private static final Set<String> KNOWN = known();
    /** Kafka Streams passes these on to the clients it creates, so any client property may follow them. */
    private static final List<String> PASS_THROUGH_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);

    private ClientProperties() {
    }

    private static Set<String> known() {
        Set<String> all = new HashSet<>(AdminClientConfig.configNames());
        all.addAll(ProducerConfig.configNames());
        all.addAll(ConsumerConfig.configNames());
        all.addAll(StreamsConfig.configDef().names());
        all.add(dev.newsmon.topology.BoundedRocksDbMemory.MEMORY_MB_CONFIG);
        all.add(dev.newsmon.topology.RejectingExceptionHandler.REJECTED_TOPIC_CONFIG);
        return Set.copyOf(all);
    }

    /** A plain Kafka properties file ({@code --command-config}, as in kafka-topics.sh); exit 2 when unreadable. */
    static Map<String, String> load(Path file) {
        if (Files.isDirectory(file)) {
            throw new ExitCodes.UsageException("--command-config " + file + " is a directory, not a properties file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ExitCodes.UsageException("--command-config " + file + ": no such file");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ExitCodes.UsageException("--command-config " + file + " cannot be read: "
                    + Problems.describe(e));
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    /** One warning per property that no Kafka client of newsmon reads (Kafka itself would only log it). */
    static List<String> unknown(Map<String, String> properties) {
        List<String> warnings = new ArrayList<>();
        for (String key : properties.keySet()) {
            if (KNOWN.contains(key) || PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String close = Suggestions.closest(key, KNOWN);
            warnings.add("WARNING: unknown Kafka client property \"" + key + "\" is ignored by Kafka"
                    + (close == null ? "" : "; did you mean \"" + close + "\"?"));
        }
        return warnings;
    }
}
