package dev.newsmon.topology.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of {@code newsmon run}: {@code /health/live}, {@code /health/ready} and {@code /metrics}
 * (Prometheus text format), and with a {@link LiveApi} the live page and its API. Binds to localhost unless told
 * otherwise. Health stays open; {@code /metrics} needs the API token when one is set.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    /** Live streams hold a thread each: room for all of them plus the short requests. */
    private static final int THREADS = LiveStreams.Limits.DEFAULTS.maxStreams() + 16;

    private final HttpServer server;
    private final HostCheck hostCheck;
    private final ExecutorService executor;
    private LiveApi live;

    /** Health and metrics only (no live page). */
    public HttpEndpoint(String host, int port, NewsmonService service, PrometheusMeterRegistry registry)
            throws IOException {
        this(host, port, List.of());
        serve(service, registry, null);
    }

    private HttpEndpoint(String host, int port, Collection<String> allowedHosts) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        List<String> names = new ArrayList<>(allowedHosts);
        names.add(host);
        hostCheck = new HostCheck(names);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "newsmon-http");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        server.setExecutor(executor);
    }

    /** Binds the port now (so that its number can be advertised), serves nothing until {@link #serve}. */
    public static HttpEndpoint bind(String host, int port) throws IOException {
        return new HttpEndpoint(host, port, List.of());
    }

    /**
     * Like {@link #bind(String, int)}; requests must name this server in {@code Host} (and {@code Origin}): localhost,
     * an IP address, {@code host}, or one of {@code allowedHosts} (see {@link HostCheck}).
     */
    public static HttpEndpoint bind(String host, int port, Collection<String> allowedHosts) throws IOException {
        return new HttpEndpoint(host, port, allowedHosts);
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, handler).getFilters().add(hostCheck);
    }

    /** Registers health, metrics and, when {@code liveApi} is not null, the live page and API. */
    public HttpEndpoint serve(NewsmonService service, PrometheusMeterRegistry registry, LiveApi liveApi) {
        this.live = liveApi;
        route("/health/live", ex -> health(ex, service.isLive(), service));
        route("/health/ready", ex -> health(ex, service.isReady(), service));
        route("/metrics", ex -> {
            if (!Exchanges.isRead(ex)) {
                Exchanges.methodNotAllowed(ex, "GET");
            } else if (liveApi != null && !Exchanges.authorized(ex, liveApi.token())) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsmon\"");
                Exchanges.error(ex, 401, "metrics need the API token: Authorization: Bearer <token>");
            } else {
                Exchanges.text(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
        });
        if (liveApi != null) {
            liveApi.register(this::route);
        }
        return this;
    }

    public HttpEndpoint start() {
        server.start();
        LOG.info("HTTP endpoint on http://{}:{}/ ({})", server.getAddress().getHostString(), port(),
                live == null ? "health, metrics" : "live page, API, health, metrics");
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange ex, boolean up, NewsmonService service) throws IOException {
        if (!Exchanges.isRead(ex)) {
            Exchanges.methodNotAllowed(ex, "GET");
            return;
        }
        Exchanges.rawJson(ex, up ? 200 : 503,
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"state\":\"" + service.state() + "\"}");
    }

    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
