package dev.newsmon.topology.run;

import dev.newsmon.topology.NewsmonTopology;
import dev.newsmon.topology.TopologyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The always-on stream processor: the topology in a KafkaStreams instance, with a thread-replacing uncaught
 * exception policy, health state, metrics, and a clean close.
 */
public final class NewsmonService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsmonService.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private KafkaStreamsMetrics metrics;
    private JvmProcessMetrics jvmMetrics;

    public NewsmonService(Properties streamsProperties, TopologyConfig config) {
        this.streams = new KafkaStreams(NewsmonTopology.build(config), streamsProperties);
        streams.setStateListener((now, before) -> {
            state = now;
            LOG.info("Stream processor {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // A thread that dies on an unexpected error is replaced, so the monitor keeps going; the record that
        // caused it is retried (it is not lost), and records that fail every time end up in `rejected`.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("A stream thread died; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public NewsmonService bindMetrics(MeterRegistry registry) {
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        jvmMetrics = JvmProcessMetrics.bindTo(registry);
        return this;
    }

    public void start() {
        streams.start();
    }

    /** Waits until the processor has joined its group and restored its state. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return state;
    }

    /** Ready: processing (not starting, restoring or rebalancing). */
    public boolean isReady() {
        return state == KafkaStreams.State.RUNNING;
    }

    /** Live: not failed or stopped. */
    public boolean isLive() {
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING && state != KafkaStreams.State.PENDING_SHUTDOWN;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
        if (jvmMetrics != null) {
            jvmMetrics.close();
        }
        // Leave the consumer group on a clean stop: a restarted instance (or the one taking over) does not wait for
        // this member's session to time out (45 s by default) before it gets the tasks.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
