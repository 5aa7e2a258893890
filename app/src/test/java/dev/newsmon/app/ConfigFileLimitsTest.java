package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aConfigFileOverOneMibIsRefusedAsAUsageError() throws IOException {
        Path big = dir.resolve("newsmon.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Settings.MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(() -> Settings.load(big)).isInstanceOf(ExitCodes.UsageException.class)
                .hasMessage("config file " + big + " is larger than 1024 KiB; is it the right file?");
    }
}
