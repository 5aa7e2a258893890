package dev.newsmon.core.ingest;

import java.util.Locale;
import java.util.Optional;

/** How the payload of a raw record is written. Travels in the {@code newsmon.format} header. */
public enum InputFormat {
    /** One JSON article object (a JSONL line, an element of a JSON array, a feed item). */
    JSON,
    /** A plain-text article: the title is the first meaningful line. */
    TEXT,
    /** An HTML page. */
    HTML;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputFormat> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (InputFormat f : values()) {
            if (f.wireName().equalsIgnoreCase(name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
