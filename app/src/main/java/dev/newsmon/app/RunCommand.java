package dev.newsmon.app;

import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.LiveQueries;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.AlertFeed;
import dev.newsmon.topology.run.HttpEndpoint;
import dev.newsmon.topology.run.LiveApi;
import dev.newsmon.topology.run.NewsmonService;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"The always-on stream processor: the topology plus an HTTP endpoint (the live page at /, "
                + "its API under /api, /health/live, /health/ready, /metrics). Creates missing topics and seeds the default watchlist into a new "
                + "watchlist topic. Stops cleanly on Ctrl-C / SIGTERM and resumes where it stopped."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ServiceOptions service;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, true);
        kafka.articleLimit();
        try (ShutdownSignal shutdown = new ShutdownSignal();
                KafkaConnection conn = KafkaConnection.open(kafka);
                RunningPipeline pipeline = RunningPipeline.start(conn, kafka, service)) {
            LOG.info("newsmon is running against {} (application id {}); Ctrl-C stops it", conn.bootstrapServers(),
                    service.applicationId);
            shutdown.await();
            LOG.info("Stopping");
        }
        return ExitCodes.OK;
    }

    /** Topics, the stream processor, the live alert feed and the HTTP endpoint, closed in reverse order. */
    record RunningPipeline(NewsmonService processor, HttpEndpoint http, PrometheusMeterRegistry registry,
            AlertFeed feed) implements AutoCloseable {

        /** Alerts kept in memory for page loads and reconnecting live streams. */
        static final int ALERT_BUFFER = 500;

        static RunningPipeline start(KafkaConnection conn, KafkaOptions kafka, ServiceOptions options)
                throws Exception {
            TopologyConfig config = TopologyConfig.defaults(kafka.topics()).withDedupHorizon(options.dedupHorizon)
                    .withMaxArticleBytes(kafka.articleLimit())
                    .withTrends(options.trendConfig());
            boolean fresh = TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), options.partitions,
                    options.replicationFactor);
            if (fresh) {
                TopicSetup.publishWatchlist(conn.clientConfig(), kafka.topics().watchlist(), Watchlist.DEFAULT);
            }
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Metrics.addRegistry(registry);
            HttpEndpoint http = null;
            NewsmonService processor = null;
            AlertFeed feed = null;
            try {
                // The port is bound first so that it can be advertised (application.server) for interactive queries.
                http = options.httpPort < 0 ? null : HttpEndpoint.bind(options.httpHost, options.httpPort,
                        options.allowedHosts(conn.clientProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG)));
                String server = http == null ? null : conn.clientProperties().getOrDefault(
                        StreamsConfig.APPLICATION_SERVER_CONFIG, options.advertisedHost() + ":" + http.port());
                processor = Pipelines.service(conn, kafka.topics(), options.applicationId,
                        kafka.dataDir.resolve("streams"), options.threads, config,
                        server == null ? Map.of() : Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, server))
                        .bindMetrics(registry);
                processor.start();
                if (http != null) {
                    feed = new AlertFeed(conn.clientConfig(), kafka.topics().alerts(), ALERT_BUFFER).start();
                    LiveApi live = new LiveApi(new LiveQueries(processor.streams(), config), feed, conn.clientConfig(),
                            kafka.topics().watchlist(), options.httpToken, HostInfo.buildFromEndpoint(server));
                    http.serve(processor, registry, live).start();
                }
                return new RunningPipeline(processor, http, registry, feed);
            } catch (Exception | Error e) {
                new RunningPipeline(processor, http, registry, feed).close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (http != null) {
                http.close();
            }
            if (feed != null) {
                feed.close();
            }
            if (processor != null) {
                processor.close();
            }
            Metrics.removeRegistry(registry);
            registry.close();
        }
    }
}
