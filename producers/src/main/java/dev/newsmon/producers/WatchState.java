package dev.newsmon.producers;

import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a watcher already sent, saved as JSON after every poll whose records Kafka acknowledged (at-least-once: a
 * crash between sending and saving sends that poll's units again; dedup downstream recognizes them).
 *
 * @param files    per plain file (key: path as given): size and mtime when last read; for JSONL also the byte offset
 *                 and line count consumed so far and a hash of the consumed head (to tell an append from a rewrite)
 * @param feeds    per feed URL or feed file: the item keys already sent and the HTTP validators
 * @param problems inputs already reported as error units ("path\nreason"), so a lasting problem is sent once
 */
record WatchState(Map<String, FileState> files, Map<String, FeedState> feeds, Set<String> problems) {

    /** How many item keys are remembered per feed (the newest ones). */
    static final int MAX_SEEN_PER_FEED = 5000;

    record FileState(long size, long mtimeMillis, long consumed, long lines, String headHash) {
    }

    record FeedState(List<String> seen, String etag, String lastModified, boolean failing, long size,
            long mtimeMillis) {

        static final FeedState NEW = new FeedState(List.of(), null, null, false, -1, -1);

        FeedState {
            seen = seen == null ? List.of() : List.copyOf(seen);
        }

        /** The new keys appended, the oldest dropped beyond {@link #MAX_SEEN_PER_FEED}. */
        List<String> remember(List<String> keys) {
            LinkedHashSet<String> all = new LinkedHashSet<>(seen);
            keys.forEach(k -> {
                all.remove(k);
                all.add(k);
            });
            List<String> list = new ArrayList<>(all);
            return list.size() > MAX_SEEN_PER_FEED ? list.subList(list.size() - MAX_SEEN_PER_FEED, list.size()) : list;
        }
    }

    WatchState {
        files = new TreeMap<>(files == null ? Map.of() : files);
        feeds = new TreeMap<>(feeds == null ? Map.of() : feeds);
        problems = new TreeSet<>(problems == null ? Set.of() : problems);
    }

    static WatchState empty() {
        return new WatchState(Map.of(), Map.of(), Set.of());
    }

    WatchState copy() {
        return new WatchState(files, feeds, problems);
    }

    static WatchState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        return Json.mapper().readValue(file.toFile(), WatchState.class);
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Json.writeBytes(this));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
