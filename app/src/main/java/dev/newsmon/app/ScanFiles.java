package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes scan results as JSONL files named like the topics, in a deterministic order: articles, duplicates and
 * alerts by event time then id; rejections by origin (file, then line number).
 */
final class ScanFiles {

    private ScanFiles() {
    }

    static final Comparator<JsonNode> BY_TIME_THEN_ID = Comparator
            .comparing((JsonNode n) -> n.path("publishedAt").asText(""))
            .thenComparing(n -> n.has("alertId") ? n.path("alertId").asText("") : n.path("id").asText(""));

    static final Comparator<JsonNode> BY_ORIGIN = Comparator
            .comparing((JsonNode n) -> n.path("origin").asText(""), NaturalOrder.INSTANCE)
            .thenComparing(n -> n.path("reason").asText(""));

    static Path write(Path dir, String name, List<JsonNode> records, Comparator<JsonNode> order) throws IOException {
        Files.createDirectories(dir);
        List<JsonNode> sorted = new ArrayList<>(records);
        sorted.sort(order);
        Path file = dir.resolve(name + ".jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (JsonNode n : sorted) {
                // Records written by other producers may still carry unpaired surrogates; the file must stay UTF-8.
                w.write(Json.wellFormed(Json.mapper().writeValueAsString(n)));
                w.write('\n');
            }
        }
        return file;
    }

    /** Compares strings with embedded numbers by value: {@code f.jsonl:2} before {@code f.jsonl:10}. */
    enum NaturalOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                char ca = a.charAt(i);
                char cb = b.charAt(j);
                if (Character.isDigit(ca) && Character.isDigit(cb)) {
                    int si = i;
                    int sj = j;
                    while (i < a.length() && Character.isDigit(a.charAt(i))) {
                        i++;
                    }
                    while (j < b.length() && Character.isDigit(b.charAt(j))) {
                        j++;
                    }
                    String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                    String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                    int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                    if (c != 0) {
                        return c;
                    }
                } else {
                    if (ca != cb) {
                        return Character.compare(ca, cb);
                    }
                    i++;
                    j++;
                }
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }
}
