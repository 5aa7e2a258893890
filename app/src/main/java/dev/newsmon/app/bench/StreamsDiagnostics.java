package dev.newsmon.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the stream threads spend their time (Kafka Streams' own thread metrics: share of time processing, polling,
 * committing; commit and poll latency) and how the producers batch: what says whether the pipeline is limited by
 * its own CPU work or by waiting for the broker.
 */
public final class StreamsDiagnostics {

    private static final List<String> THREAD_METRICS = List.of("process-ratio", "poll-ratio", "commit-ratio",
            "punctuate-ratio", "commit-latency-avg", "poll-latency-avg", "process-rate", "blocked-time-ns-total");
    private static final List<String> PRODUCER_METRICS = List.of("request-latency-avg", "record-queue-time-avg",
            "batch-size-avg", "records-per-request-avg", "compression-rate-avg", "record-send-rate");

    private StreamsDiagnostics() {
    }

    /** One line per stream thread and per producer, e.g. {@code StreamThread-1: process-ratio 0.41, ...}. */
    public static List<String> describe(KafkaStreams streams) {
        Map<String, Map<String, Double>> byThread = new TreeMap<>();
        Map<String, Map<String, Double>> byProducer = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            Object v = e.getValue().metricValue();
            if (!(v instanceof Number num) || Double.isNaN(num.doubleValue())) {
                continue;
            }
            if (n.group().equals("stream-thread-metrics") && THREAD_METRICS.contains(n.name())) {
                byThread.computeIfAbsent(shortName(n.tags().get("thread-id")), k -> new TreeMap<>())
                        .put(n.name(), num.doubleValue());
            } else if (n.group().equals("producer-metrics") && PRODUCER_METRICS.contains(n.name())) {
                byProducer.computeIfAbsent(shortName(n.tags().get("client-id")), k -> new TreeMap<>())
                        .put(n.name(), num.doubleValue());
            }
        }
        List<String> lines = new ArrayList<>();
        byThread.forEach((t, m) -> lines.add(t + ": " + format(m)));
        byProducer.forEach((p, m) -> lines.add(p + ": " + format(m)));
        return lines;
    }

    /**
     * Records the application's producers have sent so far, by kind of topic: the store's name for its changelog,
     * {@code repartition} (internal repartition topics) and {@code output} (everything else). Control
     * records (transaction markers) are not records sent, so they are not counted.
     */
    public static Map<String, Double> recordsSent(KafkaStreams streams, String applicationId) {
        Map<String, Double> byKind = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (!n.group().equals("producer-topic-metrics") || !n.name().equals("record-send-total")
                    || !(e.getValue().metricValue() instanceof Number num)) {
                continue;
            }
            String topic = n.tags().getOrDefault("topic", "");
            String kind = topic.endsWith("-changelog") && topic.startsWith(applicationId + "-")
                    ? topic.substring(applicationId.length() + 1, topic.length() - "-changelog".length())
                    : topic.endsWith("-changelog") ? "changelog"
                    : topic.endsWith("-repartition") ? "repartition" : "output";
            byKind.merge(kind, num.doubleValue(), Double::sum);
        }
        return byKind;
    }

    private static String shortName(String id) {
        if (id == null) {
            return "?";
        }
        int i = id.indexOf("StreamThread");
        return i >= 0 ? id.substring(i) : id;
    }

    private static String format(Map<String, Double> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(k).append(' ').append(String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.3f", v));
        });
        return b.toString();
    }
}
