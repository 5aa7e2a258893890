package dev.newsmon.app;

import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.topology.TopicSetup;
import dev.newsmon.topology.TopologyConfig;
import dev.newsmon.topology.run.HttpEndpoint;
import dev.newsmon.topology.run.NewsmonService;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"The always-on stream processor: the topology plus an HTTP endpoint (/health/live, "
                + "/health/ready, /metrics). Creates missing topics and seeds the default watchlist into a new "
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

    /** Topics, the stream processor and the HTTP endpoint, closed in reverse order. */
    record RunningPipeline(NewsmonService processor, HttpEndpoint http, PrometheusMeterRegistry registry)
            implements AutoCloseable {

        static RunningPipeline start(KafkaConnection conn, KafkaOptions kafka, ServiceOptions options)
                throws Exception {
            boolean fresh = TopicSetup.ensureTopics(conn.clientConfig(), kafka.topics(), options.partitions,
                    options.replicationFactor);
            if (fresh) {
                TopicSetup.publishWatchlist(conn.clientConfig(), kafka.topics().watchlist(), Watchlist.DEFAULT);
            }
            TopologyConfig config = TopologyConfig.defaults(kafka.topics()).withDedupHorizon(options.dedupHorizon);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Metrics.addRegistry(registry);
            NewsmonService processor = Pipelines.service(conn, kafka.topics(), options.applicationId,
                    kafka.dataDir.resolve("streams"), options.threads, config).bindMetrics(registry);
            processor.start();
            HttpEndpoint http = options.httpPort < 0 ? null
                    : new HttpEndpoint(options.httpHost, options.httpPort, processor, registry).start();
            return new RunningPipeline(processor, http, registry);
        }

        @Override
        public void close() {
            if (http != null) {
                http.close();
            }
            processor.close();
            Metrics.removeRegistry(registry);
            registry.close();
        }
    }
}
