package dev.newsmon.producers;

import static dev.newsmon.producers.TestFiles.readAll;
import static dev.newsmon.producers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSONL file with a corrupt line near its start keeps its good lines; a binary file named .jsonl does not. */
class CorruptJsonlTest {

    private static final Instant MTIME = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void nulBytesOnTheThirdLineRejectOnlyThatLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"id\":\"a\",\"body\":\"first\"}\n{\"id\":\"b\",\"body\":\"second\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', 0, 0, 0, 0, '\n'});
        b.writeBytes("{\"id\":\"d\",\"body\":\"fourth\"}\n".getBytes(StandardCharsets.UTF_8));
        Path f = write(dir, "crashed.jsonl", b.toByteArray(), MTIME);

        List<InputUnit> units = readAll(f.toString());

        assertThat(units).extracting(InputUnit::origin).containsExactly(f + ":1", f + ":2", f + ":3", f + ":4");
        assertThat(units).extracting(InputUnit::error).containsExactly(null, null,
                "The line contains NUL bytes (binary data), not text", null);
    }

    @Test
    void aBinaryFileNamedJsonlIsStillOneErrorUnit() {
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, '\n', 'x', '\n', 0, 0};
        Path f = write(dir, "archive.jsonl", gzip, MTIME);

        assertThat(readAll(f.toString())).singleElement().satisfies(u -> {
            assertThat(u.origin()).isEqualTo(f.toString());
            assertThat(u.error()).isEqualTo("The file is binary data (it contains NUL bytes), not UTF-8 text");
        });
    }
}
