package dev.newsmon.topology.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** /metrics carries the JVM and process metrics an operator looks for first. */
class JvmProcessMetricsTest {

    @Test
    void theScrapeHasMemoryGcThreadsClassesCpuUptimeAndFiles() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmProcessMetrics ignored = JvmProcessMetrics.bindTo(registry)) {
            System.gc();
            assertThat(registry.scrape()).contains("jvm_memory_used_bytes{", "jvm_buffer_memory_used_bytes",
                    "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage",
                    "system_cpu_count", "process_uptime_seconds", "process_start_time_seconds",
                    "process_files_open_files", "process_files_max_files");
        } finally {
            registry.close();
        }
    }
}
