package dev.newsmon.core.dedup.devset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prints precision and recall per transformation type and overall on the dev set; the target is 0.98. */
class DedupDevSetReportTest {

    @Test
    void precisionAndRecallMeetTheTarget() {
        DevSetRun run = DevSetRun.get();
        System.out.println("Dedup dev set (core/src/test/resources/devset/dedup):");
        System.out.print(run.report());
        assertThat(run.precision()).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(run.recall()).as("recall").isGreaterThanOrEqualTo(0.98);
    }
}
