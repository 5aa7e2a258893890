package dev.newsmon.app;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.RawHeaders;
import dev.newsmon.core.ingest.RawInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Interim publisher used until the producers module lands: reads jsonl/json/txt/html files in event-time order
 * and sends them with run/seq headers.
 */
final class InputPublisher {

    record Unit(byte[] payload, InputFormat format, String origin, String error, Instant eventTime) {
    }

    static long publish(Map<String, Object> clientConfig, String topic, List<String> inputs) {
        List<Unit> units = new ArrayList<>();
        for (String in : inputs) {
            units.addAll(read(Path.of(in)));
        }
        units.sort(Comparator.comparing(Unit::eventTime));
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        String run = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long seq = 0;
            for (Unit u : units) {
                RecordHeaders h = new RecordHeaders();
                h.add(RawHeaders.FORMAT, u.format().wireName().getBytes(StandardCharsets.UTF_8));
                h.add(RawHeaders.ORIGIN, u.origin().getBytes(StandardCharsets.UTF_8));
                h.add(RawHeaders.RUN, run.getBytes(StandardCharsets.UTF_8));
                h.add(RawHeaders.SEQ, Long.toString(seq++).getBytes(StandardCharsets.UTF_8));
                h.add(RawHeaders.TIME_SOURCE, "file-time".getBytes(StandardCharsets.UTF_8));
                if (u.error() != null) {
                    h.add(RawHeaders.ERROR, u.error().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(new ProducerRecord<>(topic, null, u.eventTime().toEpochMilli(),
                        u.origin().getBytes(StandardCharsets.UTF_8), u.payload(), h));
            }
            producer.flush();
        }
        return units.size();
    }

    private static List<Unit> read(Path path) {
        List<Unit> out = new ArrayList<>();
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                Instant mtime = Files.getLastModifiedTime(f).toInstant();
                if (name.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            out.add(unit(lines.get(i).getBytes(StandardCharsets.UTF_8), InputFormat.JSON, f + ":" + (i + 1), mtime));
                        }
                    }
                } else if (name.endsWith(".json")) {
                    out.add(unit(Files.readAllBytes(f), InputFormat.JSON, f.toString(), mtime));
                } else if (name.endsWith(".txt")) {
                    out.add(unit(Files.readAllBytes(f), InputFormat.TEXT, f.toString(), mtime));
                } else if (name.endsWith(".html") || name.endsWith(".htm")) {
                    out.add(unit(Files.readAllBytes(f), InputFormat.HTML, f.toString(), mtime));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Unit unit(byte[] payload, InputFormat format, String origin, Instant mtime) {
        ParseOutcome o = new ArticleParser().parse(new RawInput(payload, format, origin, null, mtime, "file-time"));
        Instant t = o instanceof ParseOutcome.Parsed p && p.article().publishedAt() != null ? p.article().publishedAt() : mtime;
        return new Unit(payload, format, origin, null, t);
    }
}
