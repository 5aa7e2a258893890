package dev.newsmon.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 *
 * <p>With a data directory it keeps its log and its ports across restarts (the ports are saved next to the
 * data), so a stopped demo starts again where it was. Without one it lives in a temporary directory that
 * {@link #close()} deletes.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String PORTS_FILE = "ports.properties";
    private static final String LOCK_FILE = "broker.pid";

    private final Path dataDir;
    private final boolean temporary;
    private final Map<String, String> overrides;
    private int port;
    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean temporary, int port, int controllerPort,
            Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    /** A broker in a fresh temporary directory on free ports, deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker temporary() {
        try {
            return new EmbeddedKafkaBroker(Files.createTempDirectory("newsmon-kafka-"), true, 0, 0, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded broker", e);
        }
    }

    /**
     * A broker keeping its data in {@code dataDir}. Ports: as saved by an earlier run in that directory, else
     * {@code port} and {@code port + 1} when free, else free ones (0 for free ports); saved for the next start.
     */
    public static EmbeddedKafkaBroker persistent(Path dataDir, int port) {
        return new EmbeddedKafkaBroker(dataDir, false, port, port == 0 ? 0 : port + 1, Map.of());
    }

    /** A copy of this (not started) broker with extra broker properties. */
    public EmbeddedKafkaBroker withConfig(Map<String, String> brokerProperties) {
        return new EmbeddedKafkaBroker(dataDir, temporary, port, controllerPort, brokerProperties);
    }

    /** Formats the storage on first use, then starts the broker and waits until it answers. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            resolvePorts();
            Properties props = brokerProperties();
            Path logs = dataDir.resolve("kafka-logs");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(props);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReady(Duration.ofSeconds(60));
            Files.writeString(dataDir.resolve(LOCK_FILE), ProcessHandle.current().pid() + "\n" + bootstrapServers()
                    + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker in " + dataDir, e);
        }
        LOG.info("Embedded Kafka broker ready at {} (data in {}) after {} ms", bootstrapServers(), dataDir,
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker and keeps its data (a later {@link #start()} continues). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
            try {
                Files.deleteIfExists(dataDir.resolve(LOCK_FILE));
            } catch (IOException e) {
                LOG.debug("could not remove the broker pid file", e);
            }
        }
    }

    /** Stops the broker; a temporary broker also deletes its data. */
    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            deleteRecursively(dataDir);
        }
    }

    /**
     * The address of an embedded broker that another process runs on {@code dataDir}, if it is up: lets
     * {@code ./newsmon alerts} find the broker of a running {@code ./newsmon demo}.
     */
    public static java.util.Optional<String> runningElsewhere(Path dataDir) {
        Path lock = dataDir.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            return java.util.Optional.empty();
        }
        try {
            String[] lines = Files.readString(lock, StandardCharsets.UTF_8).split("\n");
            long pid = Long.parseLong(lines[0].strip());
            String bootstrap = lines[1].strip();
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive && pid != ProcessHandle.current().pid() && accepts(bootstrap)) {
                return java.util.Optional.of(bootstrap);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring unreadable broker pid file {}", lock, e);
        }
        return java.util.Optional.empty();
    }

    private static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
                    500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void resolvePorts() throws IOException {
        Path saved = dataDir.resolve(PORTS_FILE);
        if (Files.isRegularFile(saved)) {
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(saved, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            port = Integer.parseInt(p.getProperty("broker"));
            controllerPort = Integer.parseInt(p.getProperty("controller"));
        } else {
            // The preferred ports are only a default: a second data directory (or any program) may hold them, and
            // the ports chosen are saved below, where every command that uses this data directory reads them.
            if (port == 0 || !isFree(port)) {
                port = freePort();
            }
            if (controllerPort == 0 || controllerPort == port || !isFree(controllerPort)) {
                controllerPort = freePort();
            }
            if (!temporary) {
                Properties p = new Properties();
                p.setProperty("broker", Integer.toString(port));
                p.setProperty("controller", Integer.toString(controllerPort));
                try (Writer w = Files.newBufferedWriter(saved, StandardCharsets.UTF_8)) {
                    p.store(w, "ports of the embedded broker in this directory");
                }
            }
        }
        ensureFree(port);
        ensureFree(controllerPort);
    }

    private void ensureFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " (saved in " + dataDir.resolve(PORTS_FILE) + ") is "
                    + "already in use; another broker or program holds it (stop it, delete that file to pick new "
                    + "ports, use another --data-dir, or pass --bootstrap-servers to use a running cluster)");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker port saved in {@code dataDir} by an earlier start, if any. */
    public static java.util.OptionalInt savedPort(Path dataDir) {
        Path saved = dataDir.resolve(PORTS_FILE);
        if (!Files.isRegularFile(saved)) {
            return java.util.OptionalInt.empty();
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(saved, StandardCharsets.UTF_8)) {
            p.load(r);
            return java.util.OptionalInt.of(Integer.parseInt(p.getProperty("broker", "").strip()));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("log.dirs", dataDir.resolve("kafka-logs").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        // Archives are replayed with their original (old) timestamps: never expire data by age here.
        p.put("log.retention.ms", "-1");
        p.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.io.threads", "4");
        p.put("num.network.threads", "2");
        p.putAll(overrides);
        return p;
    }

    private void format(Properties props) throws IOException {
        Path cfg = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(cfg, StandardCharsets.UTF_8)) {
            props.store(w, "written by newsmon for the storage format step");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", cfg.toString(), "--standalone"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the broker storage failed: "
                    + out.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> cfg = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.CLIENT_ID_CONFIG, "newsmon-broker-check-" + UUID.randomUUID());
        RuntimeException last = null;
        try (Admin admin = Admin.create(cfg)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = new IllegalStateException(e.getMessage(), e);
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("the embedded broker did not become ready within " + timeout, last);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
