package dev.newsmon.producers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for tests: fixtures, temp files with a chosen mtime, reading all units. */
final class TestFiles {

    private TestFiles() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String content, Instant mtime) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8), mtime);
    }

    static Path write(Path dir, String name, byte[] content, Instant mtime) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            Files.setLastModifiedTime(p, FileTime.from(mtime));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<InputUnit> readAll(ReaderOptions options, String... inputs) {
        try (InputReader r = InputReader.open(List.of(inputs), options)) {
            List<InputUnit> units = new ArrayList<>();
            r.forEachRemaining(units::add);
            return units;
        }
    }

    static List<InputUnit> readAll(String... inputs) {
        return readAll(ReaderOptions.defaults(), inputs);
    }

    static String text(InputUnit u) {
        return new String(u.payload(), StandardCharsets.UTF_8);
    }
}
