package dev.newsmon.producers;

import java.util.ArrayList;
import java.util.List;

/** Files inside folders that were not read (unknown type, hidden, already seen through a link), with examples. */
final class SkippedFiles {

    static final int MAX_EXAMPLES = 5;

    private long count;
    private final List<String> examples = new ArrayList<>();

    void add(String display) {
        count++;
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(display);
        }
    }

    long count() {
        return count;
    }

    List<String> examples() {
        return List.copyOf(examples);
    }
}
