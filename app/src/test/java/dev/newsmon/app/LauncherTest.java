package dev.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./newsmon launcher leaves the user's variables alone: NEWSMON_HOME / NEWSMON_DATA_DIR name the data dir. */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void theLauncherDoesNotOverwriteTheDataDirVariables() throws Exception {
        Path launcher = Path.of("..", "newsmon").toAbsolutePath().normalize();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a stand-in for java that prints what the real one would get
        Path java = Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                echo "NEWSMON_HOME=$NEWSMON_HOME"
                echo "NEWSMON_DATA_DIR=$NEWSMON_DATA_DIR"
                for a in "$@"; do echo "ARG=$a"; done
                """, StandardCharsets.UTF_8);
        java.toFile().setExecutable(true);
        Path jar = Files.writeString(tmp.resolve("prebuilt.jar"), "not a real jar", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "alerts", "--follow")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("NEWSMON_JAR", jar.toString());
        pb.environment().put("NEWSMON_HOME", "/srv/old-data");
        pb.environment().put("NEWSMON_DATA_DIR", "/srv/data");
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains("NEWSMON_HOME=/srv/old-data", "NEWSMON_DATA_DIR=/srv/data",
                "ARG=-Dnewsmon.install.dir=" + launcher.getParent(), "ARG=" + jar, "ARG=alerts", "ARG=--follow");
    }
}
