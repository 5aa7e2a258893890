package dev.newsmon.topology.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM and process metrics an operator expects next to the pipeline's own on {@code /metrics}: memory pools and
 * buffers, GC pauses, threads, loaded classes, process and system CPU, uptime, open and maximum file descriptors.
 */
public final class JvmProcessMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmProcessMetrics() {
    }

    /** Binds every binder to {@code registry}; close to stop listening for GC events. */
    public static JvmProcessMetrics bindTo(MeterRegistry registry) {
        JvmProcessMetrics m = new JvmProcessMetrics();
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        m.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return m;
    }

    @Override
    public void close() {
        gc.close();
    }
}
