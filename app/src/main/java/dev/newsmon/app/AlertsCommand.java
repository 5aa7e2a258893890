package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "alerts", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Prints alerts from the alerts topic (read_committed: only alerts of committed transactions).",
                "Without --follow: every alert now in the topic, oldest first, then exits. With --follow: keeps "
                        + "printing new alerts as they arrive (add --from-beginning to print the existing ones first)."})
final class AlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (for people) or json (one alert per line). Default: ${DEFAULT-VALUE}.")
    AlertFormatter.Format format;

    @Option(names = {"-f", "--follow"}, description = "Keep running and print new alerts as they arrive.")
    boolean follow;

    @Option(names = "--from-beginning", description = "With --follow: print the alerts already in the topic first.")
    boolean fromBeginning;

    @Option(names = "--entity", paramLabel = "ID", description = "Only alerts that match this entity id (repeatable).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "Only alerts of articles published at or after "
            + "TIME (ISO-8601, e.g. 2024-04-01 or 2024-04-01T12:00:00Z).")
    String since;

    @Option(names = "--color", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Colour text output on a terminal (default: on when stdout is a terminal).")
    boolean color;

    @Option(names = "--webhook", paramLabel = "URL", description = "Deliver alerts to this URL instead of printing: "
            + "one POST per alert (JSON, header Idempotency-Key = alertId), retried with backoff, offsets committed "
            + "after delivery (at-least-once); undeliverable alerts go to a dead-letter topic. Runs until Ctrl-C; "
            + "resumes where it stopped.")
    java.net.URI webhook;

    @Option(names = "--webhook-header", paramLabel = "NAME=VALUE", description = "Extra HTTP header for --webhook "
            + "(e.g. Authorization=Bearer …), repeatable.")
    Map<String, String> webhookHeaders = new java.util.LinkedHashMap<>();

    @Option(names = "--group", paramLabel = "ID", description = "Consumer group of --webhook (its committed position). "
            + "Default: newsmon-webhook-<hash of the URL>.")
    String group;

    @Option(names = "--webhook-start", paramLabel = "earliest|latest", defaultValue = "earliest",
            description = "Where a --webhook consumer group without a committed position starts: earliest (every alert "
                    + "still in the topic) or latest (only new alerts). A group that has committed resumes where it "
                    + "stopped either way. Default: ${DEFAULT-VALUE}.")
    WebhookStart webhookStart;

    @Option(names = "--webhook-max-attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per "
            + "alert on 408, 429, 5xx and network errors before it goes to the dead-letter topic (other 4xx: at "
            + "once). Default: ${DEFAULT-VALUE}.")
    int webhookMaxAttempts;

    @Option(names = "--webhook-max-age", paramLabel = "DURATION", defaultValue = "1h",
            converter = DurationConverter.class, description = "No retry starts this long after an alert's first "
            + "attempt. Default: ${DEFAULT-VALUE}.")
    Duration webhookMaxAge;

    @Option(names = "--webhook-dlq-topic", paramLabel = "TOPIC", description = "Dead-letter topic for alerts that "
            + "could not be delivered (with reason, status, attempts and the alert). Default: <alerts topic>"
            + ".webhook.dlq.")
    String webhookDlqTopic;

    enum WebhookStart { earliest, latest }

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        Verbosity.apply(kafka.verbose, false);
        Instant sinceTime = parseSince();
        PrintWriter out = spec.commandLine().getOut();
        AlertFormatter formatter = new AlertFormatter(format, color && System.console() != null);
        if (webhook != null && !"http".equals(webhook.getScheme()) && !"https".equals(webhook.getScheme())) {
            throw new ExitCodes.UsageException("--webhook must be an http(s) URL, not " + webhook);
        }
        if (webhookMaxAttempts < 1 || webhookMaxAge.isNegative()) {
            throw new ExitCodes.UsageException("--webhook-max-attempts must be at least 1 and --webhook-max-age not"
                    + " negative");
        }
        try (KafkaConnection conn = KafkaConnection.open(kafka)) {
            if (webhook != null) {
                deliver(conn, sinceTime);
                return ExitCodes.OK;
            }
            if (follow) {
                followAlerts(conn, formatter, out, sinceTime);
                return ExitCodes.OK;
            }
            List<JsonNode> alerts = new ArrayList<>(TopicSnapshot.read(conn.clientConfig(), kafka.topics().alerts()));
            alerts.removeIf(a -> !matches(a, sinceTime));
            alerts.sort(ScanFiles.BY_TIME_THEN_ID);
            alerts.forEach(a -> out.print(line(formatter, a)));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void followAlerts(KafkaConnection conn, AlertFormatter formatter, PrintWriter out, Instant sinceTime) {
        try (AlertFollower follower = new AlertFollower(conn.clientConfig(), kafka.topics().alerts(), fromBeginning,
                formatter::format, out, a -> matches(a, sinceTime))) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                follower.close();
                try {
                    main.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "alerts-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            follower.runHere();
        }
    }

    private void deliver(KafkaConnection conn, Instant sinceTime) throws InterruptedException {
        String groupId = group != null ? group
                : "newsmon-webhook-" + dev.newsmon.core.Hashing.sha256Hex(webhook.toString(), 12);
        String dlq = webhookDlqTopic != null ? webhookDlqTopic : kafka.topics().alerts() + ".webhook.dlq";
        WebhookSink.Policy policy = new WebhookSink.Policy(webhookMaxAttempts, webhookMaxAge,
                WebhookSink.Policy.DEFAULTS.initialBackoff(), WebhookSink.Policy.DEFAULTS.maxBackoff());
        try (WebhookSink sink = new WebhookSink(conn.clientConfig(), kafka.topics().alerts(), groupId,
                webhookStart == WebhookStart.earliest, webhook, webhookHeaders, policy, dlq,
                a -> matches(a, sinceTime))) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                sink.stop();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "webhook-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getErr().println("alerts: delivering to " + LoggedUrl.of(webhook) + " (consumer group "
                    + groupId + "); Ctrl-C stops");
            long n = sink.run();
            spec.commandLine().getErr().println("alerts: delivered " + n + " alerts, " + sink.failed()
                    + " failed (in " + dlq + "), " + sink.retried() + " retries");
        }
    }

    private String line(AlertFormatter formatter, JsonNode alert) {
        String s = formatter.format(alert);
        return s.endsWith("\n") ? s : s + System.lineSeparator();
    }

    private boolean matches(JsonNode alert, Instant sinceTime) {
        if (!entities.isEmpty()) {
            boolean any = false;
            for (JsonNode m : alert.path("matches")) {
                any |= entities.contains(m.path("entityId").asText());
            }
            if (!any) {
                return false;
            }
        }
        if (sinceTime != null) {
            try {
                return !Instant.parse(alert.path("publishedAt").asText()).isBefore(sinceTime);
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    private Instant parseSince() {
        if (since == null) {
            return null;
        }
        Instant t = dev.newsmon.core.extract.Dates.parseLenient(since);
        if (t == null) {
            throw new ExitCodes.UsageException("--since: \"" + since + "\" is not an ISO-8601 date or time");
        }
        return t;
    }
}
