package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsmon.testing.EmbeddedKafkaExtension;
import dev.newsmon.testing.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsmon run}: health turns ready, metrics are scraped and contain our counters. */
@ExtendWith(EmbeddedKafkaExtension.class)
class RunServiceIT {

    @TempDir
    Path data;

    @Test
    void healthTurnsReadyAndMetricsCountArticles(KafkaCluster kafka) throws Exception {
        String prefix = kafka.unique("run");
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
                "--application-id", kafka.unique("app"), "--data-dir", data.toString(), "--http-port", "0",
                "--partitions", "2", "--threads", "1");
        HttpClient http = HttpClient.newHttpClient();
        try (KafkaConnection conn = KafkaConnection.open(run.kafka);
                RunCommand.RunningPipeline pipeline = RunCommand.RunningPipeline.start(conn, run.kafka, run.service)) {
            String base = "http://127.0.0.1:" + pipeline.http().port();
            assertThat(get(http, base + "/health/live").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(http, base + "/health/ready").statusCode() == 200);
            assertThat(get(http, base + "/health/ready").body()).contains("RUNNING");

            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
                    Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(run.kafka.topics().raw(), ("{\"title\":\"Tobruk port\",\"body\":\"Ships wait"
                        + " outside the port of Tobruk.\",\"publishedAt\":\"2024-05-01T00:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8))).get();
                p.send(new ProducerRecord<>(run.kafka.topics().raw(), "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> get(http, base + "/metrics").body()
                    .contains("newsmon_rejected_total{code=\"invalid-json\"}"));
            String metrics = get(http, base + "/metrics").body();
            assertThat(metrics).contains("newsmon_records_in_total", "newsmon_articles_total",
                    "newsmon_alerts_total{entity=\"tobruk\"}", "newsmon_lag_ingested_seconds", "kafka_stream_");
            assertThat(get(http, base + "/nope").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
