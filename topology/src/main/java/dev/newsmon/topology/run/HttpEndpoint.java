package dev.newsmon.topology.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP endpoint of {@code newsmon run}: {@code /health/live}, {@code /health/ready} and
 * {@code /metrics} (Prometheus text format). Binds to localhost unless told otherwise.
 */
public final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    private final HttpServer server;

    public HttpEndpoint(String host, int port, NewsmonService service, PrometheusMeterRegistry registry)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health/live", ex -> respond(ex, service.isLive() ? 200 : 503,
                "{\"status\":\"" + (service.isLive() ? "UP" : "DOWN") + "\",\"state\":\"" + service.state() + "\"}",
                "application/json"));
        server.createContext("/health/ready", ex -> respond(ex, service.isReady() ? 200 : 503,
                "{\"status\":\"" + (service.isReady() ? "UP" : "DOWN") + "\",\"state\":\"" + service.state() + "\"}",
                "application/json"));
        server.createContext("/metrics", ex -> respond(ex, 200, registry.scrape(),
                "text/plain; version=0.0.4; charset=utf-8"));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "newsmon-http");
            t.setDaemon(true);
            return t;
        }));
    }

    public HttpEndpoint start() {
        server.start();
        LOG.info("HTTP endpoint on http://{}:{}/ (health, metrics)", server.getAddress().getHostString(), port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String body, String contentType) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
