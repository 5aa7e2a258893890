package dev.newsmon.app;

import dev.newsmon.topology.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command shares: where Kafka is, where local data lives, topic names, client properties. */
final class KafkaOptions {

    static final int EMBEDDED_PORT = 19092;
    /**
     * Upper bound of --max-article-bytes: analysis adds entity offsets and snippets, and the analyzed record must
     * stay under the 1 MB that the sequencer hop and the output topics accept (AnalyzeProcessor rejects it otherwise).
     */
    static final int MAX_ARTICLE_BYTES_LIMIT = 768 * 1024;

    @Option(names = {"--bootstrap-servers", "--bootstrap-server"}, paramLabel = "HOST:PORT[,…]",
            defaultValue = "${env:NEWSMON_BOOTSTRAP_SERVERS}",
            description = "Kafka cluster to use (env NEWSMON_BOOTSTRAP_SERVERS; --bootstrap-server as in Kafka's "
                    + "tools works too). Checked before anything starts: an address that does not answer within "
                    + "10 s is reported with what to check. Default: the embedded broker in --data-dir (the one a "
                    + "running demo uses, else one started for this command).")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".newsmon",
            description = "Local data: embedded broker log and port, stream state, watch state (env "
                    + "NEWSMON_DATA_DIR; the old name NEWSMON_HOME still works, with a warning). "
                    + "Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "${env:NEWSMON_TOPIC_PREFIX}",
            description = "Prefix for every topic, e.g. 'replay1' gives replay1.articles.raw, replay1.alerts, … "
                    + "(env NEWSMON_TOPIC_PREFIX).")
    String topicPrefix;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "Any Kafka client property, e.g. -X security.protocol=SASL_SSL (repeatable).")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--max-article-bytes", paramLabel = "BYTES",
            defaultValue = "${env:NEWSMON_MAX_ARTICLE_BYTES:-524288}",
            description = "Largest article accepted, in bytes of input (env NEWSMON_MAX_ARTICLE_BYTES): a larger one "
                    + "is rejected with its size, never truncated. Applies where articles are read (ingest, replay, "
                    + "scan, demo) and where they are parsed (run, demo, scan). Between 1024 and "
                    + MAX_ARTICLE_BYTES_LIMIT + ", which keeps an analyzed article under the broker's 1 MiB record "
                    + "limit. Default: ${DEFAULT-VALUE}.")
    int maxArticleBytes;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Kafka client properties file, as "
            + "Kafka's tools take it (kafka-topics.sh --command-config, kafka-console-consumer.sh --command-config): "
            + "security.protocol, sasl.*, ssl.*, … Applied over the config file's kafka.* keys and NEWSMON_KAFKA_* "
            + "variables; -X wins over it. Unknown property names are reported, not ignored silently.")
    Path commandConfig;

    @Option(names = {"-v", "--verbose"}, description = "Log more, and print stack traces of failures.")
    boolean verbose;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (properties or YAML): option names "
            + "as keys (bootstrap-servers, threads, …) and kafka.<property> for Kafka client properties (env "
            + "NEWSMON_CONFIG). Precedence: command line, NEWSMON_* variables, this file, built-in defaults.")
    Path config;

    /** Set by {@link Main} for this process: defaults from the environment and the config file. */
    static Settings settings = new Settings(Map.of(), Map.of());

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private boolean warned;

    /** Kafka client properties: config file, then NEWSMON_KAFKA_* variables, then --command-config, then -X. */
    Map<String, String> clientProperties() {
        Map<String, String> all = new LinkedHashMap<>(settings.kafkaProperties());
        if (commandConfig != null) {
            all.putAll(ClientProperties.load(commandConfig));
        }
        all.putAll(kafkaProperties);
        if (!warned && command != null) {
            warned = true;
            java.io.PrintWriter err = command.commandLine().getErr();
            ClientProperties.unknown(all).forEach(w -> err.println("newsmon: " + w));
            err.flush();
        }
        return all;
    }

    /** The article size limit, checked: exit 2 with a one-line reason when it is out of range. */
    int articleLimit() {
        if (maxArticleBytes < 1024 || maxArticleBytes > MAX_ARTICLE_BYTES_LIMIT) {
            throw new ExitCodes.UsageException("--max-article-bytes must be between 1024 and "
                    + MAX_ARTICLE_BYTES_LIMIT + ", not " + maxArticleBytes);
        }
        return maxArticleBytes;
    }

    Topics topics() {
        return Topics.withPrefix(topicPrefix == null ? "" : topicPrefix);
    }

    boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }
}
