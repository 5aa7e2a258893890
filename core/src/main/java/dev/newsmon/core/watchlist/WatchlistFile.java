package dev.newsmon.core.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a watchlist file: JSON or YAML, {@code {"tracked": [{"id": ..., "type": ..., "names": [...]}]}}. */
public final class WatchlistFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Limits on what a file or a watchlist record may hold: every instance builds a tagger from it. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    public static final int MAX_NAMES = 1000;
    public static final int MAX_NAME_CHARS = 200;

    private WatchlistFile() {
    }

    public static Watchlist load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new InvalidWatchlistException(file + " is " + (size >> 20) + " MiB; a watchlist file may be at most "
                    + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML.readTree(bytes) : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new InvalidWatchlistException(file + " is not valid " + (name.endsWith(".json") ? "JSON" : "JSON/YAML")
                    + ": " + dev.newsmon.core.json.ParseErrors.describe(e));
        }
        return parse(root, file.toString());
    }

    static Watchlist parse(JsonNode root, String where) {
        if (root == null || !root.isObject() || !root.has("tracked") || !root.get("tracked").isArray()) {
            throw new InvalidWatchlistException(where + ": expected an object with a \"tracked\" array");
        }
        List<WatchlistEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.get("tracked")) {
            index++;
            entries.add(entry(item, where + " tracked[" + index + "]"));
        }
        return Watchlist.of(entries);
    }

    public static WatchlistEntry entry(JsonNode item, String where) {
        if (!item.isObject() || !item.path("id").isTextual() || item.path("id").asText().isBlank()) {
            throw new InvalidWatchlistException(where + ": every entry needs a non-empty string \"id\"");
        }
        String id = item.get("id").asText().trim();
        EntityType type = null;
        if (item.hasNonNull("type")) {
            try {
                type = EntityType.valueOf(item.get("type").asText().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidWatchlistException(where + ": type must be PERSON, ORG or PLACE, not \""
                        + item.get("type").asText() + "\"");
            }
        }
        List<String> names = new ArrayList<>();
        if (item.has("names")) {
            if (!item.get("names").isArray()) {
                throw new InvalidWatchlistException(where + ": \"names\" must be an array of strings");
            }
            if (item.get("names").size() > MAX_NAMES) {
                throw new InvalidWatchlistException(where + ": at most " + MAX_NAMES + " names per entity, not "
                        + item.get("names").size());
            }
            for (JsonNode n : item.get("names")) {
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw new InvalidWatchlistException(where + ": \"names\" must hold non-empty strings");
                }
                if (n.asText().length() > MAX_NAME_CHARS) {
                    throw new InvalidWatchlistException(where + ": a name may be at most " + MAX_NAME_CHARS
                            + " characters, not " + n.asText().length());
                }
                names.add(n.asText().trim());
            }
        }
        return new WatchlistEntry(id, type, names);
    }

    /** A watchlist file or entry that cannot be used; the message says why. */
    public static final class InvalidWatchlistException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidWatchlistException(String message) {
            super(message);
        }
    }
}
