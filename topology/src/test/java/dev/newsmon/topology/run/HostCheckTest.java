package dev.newsmon.topology.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DNS rebinding: requests naming another site in Host or Origin are refused, over a real socket. */
class HostCheckTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HostCheck check = new HostCheck(List.of("127.0.0.1", "monitor.internal", ".corp.example"));
        for (String path : List.of("/api/alerts", "/health/ready")) {
            server.createContext(path, ex -> Exchanges.rawJson(ex, 200, "[\"secret alert\"]")).getFilters().add(check);
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aForeignHostNameGets421AndNoData() throws IOException {
        String response = get("/api/alerts", "evil.example", null);
        assertThat(response).startsWith("HTTP/1.1 421").doesNotContain("secret alert").contains("--http-allowed-hosts");
        assertThat(get("/api/alerts", "evil.example:" + port(), null)).startsWith("HTTP/1.1 421");
        assertThat(get("/api/alerts", "localhost.evil.example", null)).startsWith("HTTP/1.1 421");
    }

    @Test
    void localNamesAddressesAndConfiguredNamesAreServed() throws IOException {
        for (String host : List.of("localhost:" + port(), "127.0.0.1:" + port(), "[::1]:" + port(), "LOCALHOST",
                "monitor.internal", "news.corp.example:8080", "app.localhost")) {
            assertThat(get("/api/alerts", host, null)).as(host).startsWith("HTTP/1.1 200").contains("secret alert");
        }
    }

    @Test
    void aCrossSiteOriginGets403EvenWithAGoodHost() throws IOException {
        assertThat(get("/api/alerts", "localhost:" + port(), "http://evil.example")).startsWith("HTTP/1.1 403")
                .doesNotContain("secret alert");
        assertThat(get("/api/alerts", "localhost:" + port(), "null")).startsWith("HTTP/1.1 403");
        assertThat(get("/api/alerts", "localhost:" + port(), "http://localhost:" + port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void healthProbesAnswerWhateverNameTheyUse() throws IOException {
        assertThat(get("/health/ready", "newsmon-1:8080", null)).startsWith("HTTP/1.1 200");
    }

    @Test
    void aStarTurnsTheCheckOff() {
        assertThat(new HostCheck(List.of("*")).hostAllowed("evil.example")).isTrue();
        assertThat(new HostCheck(List.of("0.0.0.0", "")).hostAllowed("evil.example")).isFalse();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /** A raw request: HTTP clients do not let a caller set Host. */
    private String get(String path, String host, String origin) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
