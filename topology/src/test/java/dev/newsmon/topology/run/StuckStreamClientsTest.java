package dev.newsmon.topology.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live-stream clients that connect and never read (real sockets with a tiny receive window): they must not lock
 * everyone else out of the live page, and a write they block is given up after the write timeout.
 */
class StuckStreamClientsTest {

    private final List<Socket> stuck = new ArrayList<>();
    private HttpServer server;
    private ExecutorService pool;
    private AlertFeed feed;
    private LiveApi live;

    private void start(LiveStreams.Limits limits) throws IOException {
        feed = new AlertFeed(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), "alerts", 500);
        live = limits == null ? new LiveApi(null, feed, Map.of(), "watchlist", null, null)
                : new LiveApi(null, feed, Map.of(), "watchlist", null, null, limits);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool = Executors.newFixedThreadPool(80);
        server.setExecutor(pool);
        live.register((path, handler) -> server.createContext(path, handler));
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : stuck) {
            s.close();
        }
        if (live != null) {
            live.close();
            server.stop(0);
            pool.shutdownNow();
        }
        feed.close();
    }

    @Test
    void thirtyTwoClientsThatNeverReadDoNotLockANewClientOut() throws Exception {
        start(null);
        int slots = live.maxStreams();
        for (int i = 0; i < slots; i++) {
            stuck.add(stuckClient());
        }
        awaitOpen(slots);
        long t0 = System.nanoTime();
        try (Socket fresh = connect(8192)) {
            fresh.setSoTimeout(20_000);
            String head = readUntil(fresh.getInputStream(), "retry: 3000");
            assertThat(head).startsWith("HTTP/1.1 200").contains("text/event-stream");
            feed.append(new AlertFeed.Item("0-1", "{\"alertId\":\"fresh\"}", Set.of("tobruk")));
            assertThat(readUntil(fresh.getInputStream(), "\"alertId\":\"fresh\"")).contains("id: 0-1");
            System.out.printf(Locale.ROOT, "RELIABILITY | stuck SSE clients: %d never-reading clients hold every"
                    + " slot; a new client served in %.1f s (the oldest stream evicted)%n", slots,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    @Test
    void aWriteBlockedLongerThanTheTimeoutFreesTheSlot() throws Exception {
        Duration writeTimeout = Duration.ofSeconds(1);
        start(new LiveStreams.Limits(4, 1_000_000, writeTimeout, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofSeconds(30)));
        for (int i = 0; i < 4; i++) {
            stuck.add(stuckClient());
        }
        awaitOpen(4);
        String big = "{\"alertId\":\"" + "x".repeat(16 * 1024) + "\"}";
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        // Enough to fill the socket buffers of every stuck client; their handlers then block in a write.
        for (int i = 0; live.openStreams() > 0 && System.nanoTime() < deadline; i++) {
            feed.append(new AlertFeed.Item("0-" + i, big, Set.of()));
            if (i % 100 == 99) {
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(live.openStreams()).as("streams still open after %.1f s", seconds).isZero();
        assertThat(live.droppedStreams()).isEqualTo(4);
        try (Socket fresh = connect(8192)) {
            fresh.setSoTimeout(10_000);
            assertThat(readUntil(fresh.getInputStream(), "retry: 3000")).startsWith("HTTP/1.1 200");
        }
        System.out.printf(Locale.ROOT, "RELIABILITY | stuck SSE clients: 4 blocked writers dropped by the %d s write"
                + " timeout, all slots free %.1f s after the alerts started%n", writeTimeout.toSeconds(), seconds);
    }

    @Test
    void aSubscriberMoreThanNEventsBehindIsDropped() {
        feed = new AlertFeed(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), "alerts", 500);
        AlertFeed.Subscription sub = feed.subscribe(null, 0, 3);
        for (int i = 0; i < 3; i++) {
            feed.append(new AlertFeed.Item("0-" + i, "{}", Set.of()));
        }
        assertThat(feed.subscriberCount()).isEqualTo(1);
        feed.append(new AlertFeed.Item("0-3", "{}", Set.of()));
        assertThat(feed.subscriberCount()).isZero();
        assertThat(sub.queue()).containsExactly(AlertFeed.Item.END);
    }

    private void awaitOpen(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (live.openStreams() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(live.openStreams()).isEqualTo(n);
    }

    /** Sends the request and never reads a byte, with a receive window as small as the OS allows. */
    private Socket stuckClient() throws IOException {
        return connect(1024);
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(server.getAddress(), 5000);
        s.getOutputStream().write(("GET /api/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            while (got.indexOf(marker) < 0) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            // fall through: the assertion shows what arrived
        }
        return got.toString();
    }
}
