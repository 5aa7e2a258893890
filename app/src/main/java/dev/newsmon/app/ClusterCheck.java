package dev.newsmon.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks an external cluster for its brokers before a command starts anything, so a wrong address, a broker that is
 * down or a security mismatch is reported within seconds, with the address tried and what to check, instead of a
 * minute of silence and "Timed out waiting for a node assignment".
 */
final class ClusterCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(8);

    private ClusterCheck() {
    }

    /** Throws {@link UnreachableCluster} with a one-line explanation when the cluster does not answer in time. */
    static void verify(String bootstrapServers, Map<String, String> clientProperties, Duration timeout) {
        String protocol = clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        String where = "Kafka at " + bootstrapServers + " (security.protocol=" + protocol + ")";
        List<String> addressProblems = probeAddresses(bootstrapServers, timeout);
        if (addressProblems.size() == addresses(bootstrapServers).size()) {
            throw new UnreachableCluster("cannot reach " + where + ": " + String.join("; ", addressProblems)
                    + ". Check the host and port of --bootstrap-servers, that the broker is running, and that this "
                    + "machine can reach it (firewall, VPN, container network).");
        }
        Map<String, Object> cfg = new HashMap<>(clientProperties);
        cfg.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int ms = (int) timeout.toMillis();
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        cfg.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(ms, 5000));
        cfg.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(ms, 5000));
        cfg.put(CommonClientConfigs.CLIENT_ID_CONFIG, "newsmon-cluster-check");
        try (Admin admin = Admin.create(cfg)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).nodes()
                    .get(ms + 2000L, TimeUnit.MILLISECONDS);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new UnreachableCluster("cannot use " + where + ": " + causes(e) + ". Check --bootstrap-servers and "
                    + "the client properties (-X KEY=VALUE, --command-config FILE).");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.AuthenticationException) {
                throw new UnreachableCluster(where + " refused the login: " + causes(e.getCause()) + ". Check "
                        + "security.protocol, sasl.mechanism and the user and password in sasl.jaas.config, or the "
                        + "SSL key and trust stores (-X KEY=VALUE or --command-config FILE).");
            }
            throw notKafka(where, timeout, causes(e.getCause()));
        } catch (TimeoutException e) {
            throw notKafka(where, timeout, "no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableCluster("interrupted while connecting to " + where);
        }
    }

    private static UnreachableCluster notKafka(String where, Duration timeout, String cause) {
        return new UnreachableCluster(where + " accepts connections but did not answer as a Kafka broker within "
                + timeout.toSeconds() + " s (" + cause + "). Check that security.protocol and the SASL/SSL "
                + "settings match the broker's listener (-X KEY=VALUE or --command-config FILE), that the port is "
                + "a Kafka listener, and that the broker's advertised.listeners name an address this machine can "
                + "reach.");
    }

    /** One problem per address that does not accept a TCP connection (unknown host, refused, timed out). */
    private static List<String> probeAddresses(String bootstrapServers, Duration timeout) {
        List<String> problems = new ArrayList<>();
        for (String address : addresses(bootstrapServers)) {
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                problems.add(address + " is not HOST:PORT");
                continue;
            }
            String host = address.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                problems.add(address + " has no valid port number");
                continue;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(host), port),
                        (int) Math.min(timeout.toMillis(), 5000));
            } catch (UnknownHostException e) {
                problems.add("the host name " + host + " cannot be resolved (DNS)");
            } catch (SocketTimeoutException e) {
                problems.add(address + " does not answer (connection timed out)");
            } catch (IOException e) {
                problems.add(address + ": " + ExitCodes.oneLine(e.getMessage()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return problems;
    }

    private static List<String> addresses(String bootstrapServers) {
        List<String> out = new ArrayList<>();
        for (String a : bootstrapServers.split(",")) {
            if (!a.isBlank()) {
                out.add(a.strip());
            }
        }
        return out;
    }

    /** The messages of an exception and its causes, without repeats. */
    static String causes(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = ExitCodes.oneLine(c.getMessage());
            if (!m.isBlank() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? t.getClass().getSimpleName() : String.join(": ", parts);
    }

    /** The cluster cannot be used: exit 1 (the arguments may be right and the cluster down). */
    static final class UnreachableCluster extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreachableCluster(String message) {
            super(message);
        }
    }
}
