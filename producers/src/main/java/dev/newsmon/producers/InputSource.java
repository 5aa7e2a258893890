package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.nio.file.Path;

/** One thing to read, as the walker found it: a file, a feed URL, or a problem that becomes an error unit. */
sealed interface InputSource {

    /** The path or URL as the user would recognize it; the base of every origin from this source. */
    String display();

    /**
     * A file of a supported type.
     *
     * @param explicit the user named this file (not found by walking a folder)
     */
    record FileInput(Path path, FileKind kind, boolean explicit) implements InputSource {
        @Override
        public String display() {
            return path.toString();
        }
    }

    /** An http(s) feed URL. */
    record FeedUrl(String url) implements InputSource {
        @Override
        public String display() {
            return url;
        }
    }

    /** Something that cannot be read at all; it is sent as one error unit so it is not silently lost. */
    record Problem(String display, InputFormat format, String error) implements InputSource {
    }
}
