package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** `newsmon health`, the container healthcheck: 0 only when /health/ready answers 200. */
class HealthCommandTest {

    private final CliRun cli = new CliRun();

    @Test
    void readyIsZeroNotReadyIsOneAndNoServiceIsOne() throws Exception {
        AtomicInteger status = new AtomicInteger(503);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            byte[] body = (status.get() == 200 ? "RUNNING" : "REBALANCING").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String port = Integer.toString(server.getAddress().getPort());
            assertThat(cli.run("health", "--http-port", port)).isEqualTo(1);
            assertThat(cli.err.toString()).contains("HTTP 503", "REBALANCING");
            status.set(200);
            assertThat(cli.run("health", "--http-host", "0.0.0.0", "--http-port", port)).isZero();
            assertThat(cli.out.toString()).contains("RUNNING");
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(cli.run("health", "--http-port", Integer.toString(closed))).isEqualTo(1);
        assertThat(cli.err.toString()).contains("does not answer");
    }

    @Test
    void everyComposeServiceWithAnHttpPortHasAReadinessHealthcheck() throws Exception {
        com.fasterxml.jackson.databind.JsonNode compose = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                java.nio.file.Path.of("..", "docker-compose.yml").toFile());
        int checked = 0;
        for (var service : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
                compose.path("services")::fields) {
            if (!service.getValue().path("command").toString().contains("--http-port")) {
                continue;
            }
            checked++;
            String test = service.getValue().path("healthcheck").path("test").toString();
            assertThat(test).as(service.getKey()).contains("\"health\"", "\"--http-port\"");
            int port = Integer.parseInt(service.getValue().path("healthcheck").path("test").get(
                    service.getValue().path("healthcheck").path("test").size() - 1).asText());
            assertThat(service.getValue().path("command").toString()).as(service.getKey())
                    .contains("\"--http-port\",\"" + port + "\"");
        }
        assertThat(checked).isEqualTo(2);
    }
}
