package dev.newsmon.app;

import dev.newsmon.topology.StreamsSettings;
import dev.newsmon.topology.Topics;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.NewsmonService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Builds the stream processor the way every command runs it. */
final class Pipelines {

    private Pipelines() {
    }

    static NewsmonService service(KafkaConnection conn, Topics topics, String applicationId, Path stateDir, int threads,
            TopologyConfig config, StreamsSettings.Profile profile) {
        Properties props = StreamsSettings.properties(conn.bootstrapServers(), applicationId, stateDir, threads, topics,
                conn.clientProperties(), profile);
        return new NewsmonService(props, config);
    }

    /** As above, with Streams properties the user's own ({@code -X}) override. */
    static NewsmonService service(KafkaConnection conn, Topics topics, String applicationId, Path stateDir, int threads,
            TopologyConfig config, Map<String, String> defaults) {
        Properties props = StreamsSettings.properties(conn.bootstrapServers(), applicationId, stateDir, threads, topics,
                conn.clientProperties());
        defaults.forEach(props::putIfAbsent);
        return new NewsmonService(props, config);
    }
}
