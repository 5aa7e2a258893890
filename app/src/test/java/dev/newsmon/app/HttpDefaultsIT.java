package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP endpoint of {@code newsmon run} as shipped (the fat jar, default options): it listens on the loopback
 * interface only, it is read-only (anything but GET and HEAD is refused), and it answers only to its own names
 * (Host and Origin checked against DNS rebinding).
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class HttpDefaultsIT {

    @TempDir
    Path tmp;

    @Test
    void endpointListensOnLoopbackOnlyAndIsReadOnly(KafkaCluster kafka) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> args = List.of("run", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix",
                kafka.unique("http"), "--application-id", kafka.unique("http-app"), "--data-dir",
                tmp.resolve("data").toString(), "--http-port", Integer.toString(port), "--threads", "1",
                "--partitions", "1");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (ChildApp app = new ChildApp(tmp.resolve("app.log"), args).start()) {
            app.awaitRunning(Duration.ofSeconds(120));
            String base = "http://127.0.0.1:" + port;
            assertThat(send(http, "GET", base + "/health/ready").statusCode()).isEqualTo(200);
            assertThat(send(http, "HEAD", base + "/metrics").statusCode()).isEqualTo(200);
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                assertThat(send(http, method, base + "/health/ready").statusCode()).as(method).isEqualTo(405);
            }
            // Without a token the API is read-only: the watchlist cannot be changed over HTTP.
            HttpRequest add = HttpRequest.newBuilder(URI.create(base + "/api/watchlist")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"khalifa-haftar\"}")).build();
            assertThat(http.send(add, HttpResponse.BodyHandlers.ofString())).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(403);
                assertThat(r.body()).contains("read-only");
            });
            assertThat(send(http, "DELETE", base + "/api/watchlist/tobruk").statusCode()).isEqualTo(403);
            // DNS rebinding: a page on evil.example re-pointed at 127.0.0.1 sends its own name as Host.
            for (String path : List.of("/api/alerts", "/api/watchlist", "/metrics", "/")) {
                assertThat(rawGet(port, path, "evil.example:" + port, null)).as(path).startsWith("HTTP/1.1 421");
                assertThat(rawGet(port, path, "localhost:" + port, "http://evil.example")).as(path)
                        .startsWith("HTTP/1.1 403");
            }
            assertThat(rawGet(port, "/api/watchlist", "localhost:" + port, null)).startsWith("HTTP/1.1 200")
                    .contains("tobruk");
            assertThat(rawGet(port, "/metrics", "localhost:" + port, null)).startsWith("HTTP/1.1 200")
                    .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                            "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                InetSocketAddress elsewhere = new InetSocketAddress(external.get(), port);
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(elsewhere, 2000);
                    }
                }).as("connect to %s", elsewhere).isInstanceOf(IOException.class);
            }
            System.out.println("RELIABILITY | HTTP defaults: 127.0.0.1 only (" + external.map(a -> "refused on "
                    + a.getHostAddress()).orElse("no other interface to try") + "), GET/HEAD only, others 405; watchlist API read-only (403); Host: evil.example 421, Origin: http://evil.example 403");
        }
    }

    private static HttpResponse<Void> send(HttpClient http, String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** A raw GET: HTTP clients do not let the caller set Host. */
    private static String rawGet(int port, String path, String host, String origin) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
