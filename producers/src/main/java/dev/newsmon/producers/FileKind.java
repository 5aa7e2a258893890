package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file types newsmon reads, by extension (case-insensitive). */
enum FileKind {
    /** One JSON article per line. */
    JSONL(InputFormat.JSON),
    /** One JSON article, or an array of them. */
    JSON(InputFormat.JSON),
    TEXT(InputFormat.TEXT),
    HTML(InputFormat.HTML),
    /** RSS 2.0, Atom or RDF/RSS 1.0: each item becomes a JSON article. */
    FEED(InputFormat.JSON);

    static final String SUPPORTED = ".jsonl, .json, .txt, .html, .htm, .xml, .rss and .atom";

    private final InputFormat format;

    FileKind(InputFormat format) {
        this.format = format;
    }

    InputFormat format() {
        return format;
    }

    static Optional<FileKind> of(Path path) {
        Path name = path.getFileName();
        return name == null ? Optional.empty() : ofName(name.toString());
    }

    static Optional<FileKind> ofName(String fileName) {
        return switch (extension(fileName)) {
            case "jsonl" -> Optional.of(JSONL);
            case "json" -> Optional.of(JSON);
            case "txt" -> Optional.of(TEXT);
            case "html", "htm" -> Optional.of(HTML);
            case "xml", "rss", "atom" -> Optional.of(FEED);
            default -> Optional.empty();
        };
    }

    /** The lower-cased extension without the dot, or "" when the name has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
