package dev.newsmon.app;

import dev.newsmon.topology.TrendConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that run the stream processor (run, demo). */
final class ServiceOptions {

    @Option(names = "--application-id", defaultValue = "${env:NEWSMON_APPLICATION_ID:-newsmon}", paramLabel = "ID",
            description = "Kafka Streams application id (consumer group, internal topic prefix). Default: ${DEFAULT-VALUE}.")
    String applicationId;

    @Option(names = "--threads", defaultValue = "${env:NEWSMON_THREADS:-2}", paramLabel = "N",
            description = "Stream threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--partitions", defaultValue = "${env:NEWSMON_PARTITIONS:-4}", paramLabel = "N",
            description = "Partitions for topics this command creates. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "${env:NEWSMON_REPLICATION_FACTOR:--1}", paramLabel = "N",
            description = "Replication factor for topics this command creates (-1: the broker's default).")
    short replicationFactor;

    @Option(names = "--dedup-horizon", defaultValue = "${env:NEWSMON_DEDUP_HORIZON:-30d}", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "Dedup memory in event time. Default: 30d.")
    Duration dedupHorizon;

    @Option(names = "--http-host", defaultValue = "${env:NEWSMON_HTTP_HOST:-127.0.0.1}", paramLabel = "HOST",
            description = "Address of the HTTP endpoint (live page, API, health, metrics). Default: ${DEFAULT-VALUE}.")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "${env:NEWSMON_HTTP_PORT:-8080}", paramLabel = "PORT",
            description = "Port of the HTTP endpoint; 0 picks a free one, -1 disables it. Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--http-token", defaultValue = "${env:NEWSMON_HTTP_TOKEN}", paramLabel = "TOKEN",
            description = "When set, watchlist changes over HTTP and /metrics need 'Authorization: Bearer TOKEN'. "
                    + "Prefer the environment variable NEWSMON_HTTP_TOKEN (command lines are visible to other users).")
    String httpToken;

    @Option(names = "--http-advertised-host", defaultValue = "${env:NEWSMON_HTTP_ADVERTISED_HOST}", paramLabel = "HOST",
            description = "Host name other instances use to reach this one's HTTP endpoint (interactive queries of the "
                    + "trend store). Default: --http-host, or this machine's name when that is a wildcard address.")
    String httpAdvertisedHost;

    @Option(names = "--http-allowed-hosts", split = ",", paramLabel = "NAME",
            defaultValue = "${env:NEWSMON_HTTP_ALLOWED_HOSTS:-}",
            description = "Host names the HTTP endpoint answers to besides localhost, IP addresses, --http-host and "
                    + "the advertised host (comma-separated; .example.org allows its subdomains; * allows any). "
                    + "Other Host or Origin headers get 421/403, which stops DNS-rebinding pages.")
    List<String> httpAllowedHosts = new ArrayList<>();

    @Option(names = "--trends", negatable = true, defaultValue = "${env:NEWSMON_TRENDS:-true}", fallbackValue = "true",
            description = "Trend alerts (kind \"trend\") when an entity is suddenly everywhere. Default: on "
                    + "(--no-trends turns them off).")
    boolean trends;

    @Mixin
    TrendOptions trend;

    TrendConfig trendConfig() {
        return trend.config(trends);
    }

    /** Names the HTTP endpoint answers to besides localhost, IP addresses and --http-host. */
    List<String> allowedHosts(String applicationServer) {
        List<String> names = new ArrayList<>();
        httpAllowedHosts.stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add);
        names.add(advertisedHost());
        if (applicationServer != null) {
            int colon = applicationServer.lastIndexOf(':');
            names.add(colon > 0 ? applicationServer.substring(0, colon) : applicationServer);
        }
        return names;
    }

    /** host:port other instances reach this one's HTTP endpoint at. */
    String advertisedHost() {
        if (httpAdvertisedHost != null && !httpAdvertisedHost.isBlank()) {
            return httpAdvertisedHost.strip();
        }
        String h = httpHost == null ? "" : httpHost.strip();
        if (!h.isEmpty() && !h.equals("0.0.0.0") && !h.equals("::") && !h.equals("[::]")) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
