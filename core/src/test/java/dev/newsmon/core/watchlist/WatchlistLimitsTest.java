package dev.newsmon.core.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsmon.core.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watchlist files and records are read from outside: their size is bounded, with a message saying which bound. */
class WatchlistLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(WatchlistFile.MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(() -> WatchlistFile.load(big)).isInstanceOf(WatchlistFile.InvalidWatchlistException.class)
                .hasMessageContaining("at most 4 MiB");
    }

    @Test
    void tooManyOrTooLongNamesAreRefused() throws IOException {
        String many = "{\"id\":\"x\",\"names\":" + Json.write(Collections.nCopies(WatchlistFile.MAX_NAMES + 1, "n")) + "}";
        assertThatThrownBy(() -> WatchlistFile.entry(Json.mapper().readTree(many), "record x"))
                .hasMessage("record x: at most 1000 names per entity, not 1001");
        String longName = "{\"id\":\"x\",\"names\":[\"" + "ن".repeat(201) + "\"]}";
        assertThatThrownBy(() -> WatchlistFile.entry(Json.mapper().readTree(longName), "record x"))
                .hasMessage("record x: a name may be at most 200 characters, not 201");
        Path ok = Files.writeString(dir.resolve("ok.json"), "{\"tracked\":[{\"id\":\"x\",\"names\":"
                + Json.write(Collections.nCopies(WatchlistFile.MAX_NAMES, "اسم")) + "}]}", StandardCharsets.UTF_8);
        assertThat(WatchlistFile.load(ok).size()).isEqualTo(1);
    }

    @Test
    void aYamlAliasBombIsRefused() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        y.append("tracked:\n  - id: x\n    names: *k\n");
        Path bomb = Files.writeString(dir.resolve("bomb.yaml"), y, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WatchlistFile.load(bomb)).isInstanceOf(WatchlistFile.InvalidWatchlistException.class);
    }
}
