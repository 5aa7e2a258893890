package dev.newsmon.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsmon.core.ingest.InputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Arabic seed pages (read from the shared folder, never copied) go through reader and replay intact. */
class SeedsTest {

    @TempDir
    Path dir;

    @Test
    void seedPagesAreWholeTextUnitsInNameOrder() throws Exception {
        String seeds = System.getProperty("newsmon.seeds");
        assumeTrue(seeds != null && Files.isDirectory(Path.of(seeds)),
                "seed folder not available (system property newsmon.seeds): skipping");
        Path folder = Path.of(seeds);

        List<InputUnit> units;
        long skipped;
        try (InputReader r = InputReader.open(List.of(folder.toString()), ReaderOptions.defaults())) {
            units = new ArrayList<>();
            r.forEachRemaining(units::add);
            skipped = r.skippedFiles();
        }

        assertThat(units).hasSize(5);
        assertThat(units).extracting(InputUnit::format).containsOnly(InputFormat.TEXT);
        assertThat(units).extracting(InputUnit::error).containsOnlyNulls();
        assertThat(units).extracting(InputUnit::origin).isSorted().allMatch(o -> o.endsWith(".txt"));
        assertThat(skipped).as("README.md").isEqualTo(1);
        for (InputUnit u : units) {
            assertThat(u.payload()).isEqualTo(Files.readAllBytes(Path.of(u.origin())));
        }
        try (ReplayPlan plan = ReplayPlan.build(List.of(folder.toString()), ReaderOptions.defaults(), dir)) {
            List<InputUnit> replayed = new ArrayList<>();
            plan.ordered().forEachRemaining(replayed::add);
            assertThat(replayed).extracting(InputUnit::origin)
                    .containsExactlyInAnyOrderElementsOf(units.stream().map(InputUnit::origin).toList());
            assertThat(replayed).extracting(u -> u.eventTime().toEpochMilli()).isSorted();
        }
    }
}
