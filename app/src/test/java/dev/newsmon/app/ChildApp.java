package dev.newsmon.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code newsmon run} in a JVM of its own, started from the shaded jar, with its log appended to a file. {@link #kill}
 * ends it with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no commit, no store flush.
 */
final class ChildApp implements AutoCloseable {

    private static final String RUNNING = "-> RUNNING";

    private final List<String> command;
    private final Path log;
    private Process process;
    private long logStart;

    ChildApp(Path log, List<String> runArgs) {
        this.log = log;
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-jar", jar().toString()));
        this.command.addAll(runArgs);
    }

    /** The fat jar; it exists in failsafe's integration-test phase (package runs first). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("newsmon.repo", ".")).resolve("app/target/newsmon.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "app/target/newsmon.jar is not built (run `mvn verify`, "
                + "which packages it before the integration tests): skipping the separate-JVM test");
        return jar;
    }

    ChildApp start() throws IOException {
        logStart = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** Waits until this start of the app logs that Kafka Streams is RUNNING; fails with the log's tail if not. */
    void awaitRunning(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logSinceStart().contains(RUNNING)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("newsmon run exited with " + process.exitValue() + " before RUNNING:\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("newsmon run did not reach RUNNING within " + timeout + ":\n" + tail());
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL; returns the exit code (137 = 128 + SIGKILL). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not die within 30 s of SIGKILL");
        }
        return process.exitValue();
    }

    String tail() throws IOException {
        String all = Files.readString(log, StandardCharsets.UTF_8);
        return all.substring(Math.max(0, all.length() - 4000));
    }

    private String logSinceStart() throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(logStart, bytes.length), (int) Math.max(0, bytes.length - logStart),
                StandardCharsets.UTF_8);
    }

    /** SIGTERM (a clean stop), then SIGKILL if it does not stop within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
