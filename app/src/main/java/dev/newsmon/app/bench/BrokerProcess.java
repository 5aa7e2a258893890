package dev.newsmon.app.bench;

import dev.newsmon.broker.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh temporary embedded broker in a JVM of its own, so that the heap and RSS the bench reports are the
 * application's, not the broker's. The child stops (and deletes its data) when this process closes it or dies:
 * it watches its stdin.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final String READY = "BROKER ";

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the child with {@code maxHeap} (e.g. "1g") and waits until the broker answers. */
    public static BrokerProcess start(String maxHeap) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        try {
            Path log = Files.createTempFile("newsmon-bench-broker-", ".log");
            log.toFile().deleteOnExit();
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    return new BrokerProcess(p, line.substring(READY.length()).strip());
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("the benchmark broker did not start (log: " + log + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the benchmark broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The child: starts a temporary broker, prints its address, and stops when stdin reaches its end. */
    public static final class Main {

        private Main() {
        }

        public static void main(String[] args) throws IOException {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.temporary().start()) {
                System.out.println(READY + broker.bootstrapServers());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin (or to die)
                }
            }
            System.exit(0);
        }
    }
}
