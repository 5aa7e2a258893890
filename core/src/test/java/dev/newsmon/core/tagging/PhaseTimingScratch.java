package dev.newsmon.core.tagging;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PhaseTimingScratch {
    static long cpu() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }
    @Test
    void phases() throws Exception {
        String all = Files.readString(Path.of("/tmp/harness/article-ar.txt"));
        int cut = all.indexOf('\n');
        String title = all.substring(0, cut), text = all.substring(cut + 1);
        EntityTagger tagger = EntityTagger.builtIn();
        java.lang.reflect.Field f = EntityTagger.class.getDeclaredField("index");
        f.setAccessible(true);
        NameIndex index = (NameIndex) f.get(tagger);
        DocumentScan scan = new DocumentScan();
        double bestRun = 1e9, bestTag = 1e9;
        for (int round = 0; round < 12; round++) {
            int n = 10000;
            long t1 = cpu();
            for (int i = 0; i < n; i++) { scan.run(index, title, text); }
            long t2 = cpu();
            for (int i = 0; i < n; i++) { tagger.tag(title, text); }
            long t3 = cpu();
            bestRun = Math.min(bestRun, (t2 - t1) / 1e3 / n);
            bestTag = Math.min(bestTag, (t3 - t2) / 1e3 / n);
        }
        System.out.printf("BEST run(normalize+scan+resolve) %.1f us, tag %.1f us%n", bestRun, bestTag);
    }
}
