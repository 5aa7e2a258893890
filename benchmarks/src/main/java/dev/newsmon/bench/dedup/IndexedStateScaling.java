package dev.newsmon.bench.dedup;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.dedup.IndexedDedupState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How the dedup decision's cost and the derived index's heap grow with what is remembered: fills an
 * {@link IndexedDedupState} (journal in a file) with N unique articles of small bodies, and at each checkpoint
 * measures, in thread CPU time, {@code DedupEngine.decide} for a batch of fresh 5 KB articles and of near copies of
 * recent ones, the heap after a full GC, and the time to rebuild the index from the journal (what a restart after
 * a restore does).
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/newsmon-benchmarks.jar dev.newsmon.bench.dedup.IndexedStateScaling \
 *     10000,1000000,10000000
 * </pre>
 */
public final class IndexedStateScaling {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int PROBES = 2000;

    private IndexedStateScaling() {
    }

    public static void main(String[] args) throws Exception {
        long[] checkpoints = java.util.Arrays.stream(args[0].split(",")).mapToLong(Long::parseLong).toArray();
        boolean rebuild = args.length < 2 || !args[1].equals("--no-rebuild");
        Fingerprinter f = new Fingerprinter();
        DedupEngine engine = new DedupEngine();
        Random rnd = new Random(11);
        // Bodies of ~300 bytes for the fill (the state per article does not depend on the length), 5 KB probes.
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            pool.add(SampleArticles.article(rnd, 300));
        }
        long heapBefore = heapAfterGc();
        Path file = Files.createTempFile("newsmon-journal-", ".bin");
        try (FileDedupJournal journal = new FileDedupJournal(file)) {
            IndexedDedupState state = new IndexedDedupState(journal, Long.MAX_VALUE / 4);
            long stored = 0;
            long time = 1_700_000_000_000L;
            List<String> recent = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%12s %14s %14s %12s %14s %12s%n", "stored", "fresh us/art",
                    "copy us/art", "heap B/art", "journal B/art", "rebuild s");
            for (long target : checkpoints) {
                while (stored < target) {
                    // Word order shuffled from a pool: unrelated texts that share vocabulary, as news does.
                    String text = pool.get(rnd.nextInt(pool.size())) + " " + pool.get(rnd.nextInt(pool.size()))
                            + " " + stored;
                    String id = "s-" + stored;
                    state.advanceTo(time);
                    engine.decide(f.candidate(id, "site.example/" + id, ContentHash.of(text), text, List.of(), time),
                            state);
                    time += 100;
                    stored++;
                }
                List<DedupCandidate> fresh = new ArrayList<>();
                List<DedupCandidate> copies = new ArrayList<>();
                for (int i = 0; i < PROBES; i++) {
                    String text = SampleArticles.article(rnd, 5 * 1024);
                    fresh.add(f.candidate("fresh-" + target + "-" + i, "site.example/fresh-" + target + "-" + i,
                            ContentHash.of(text), text, List.of(), time));
                    recent.add(text);
                }
                for (int i = 0; i < PROBES; i++) {
                    String t = recent.get(i);
                    String copy = t.substring(0, t.lastIndexOf(' ', t.length() * 2 / 3)) + " كلمة مضافة";
                    copies.add(f.candidate("copy-" + target + "-" + i, null, ContentHash.of(copy), copy, List.of(),
                            time));
                }
                recent.clear();
                double freshUs = decideAll(engine, state, fresh);
                double copyUs = decideAll(engine, state, copies);
                long heap = heapAfterGc() - heapBefore;
                double rebuildS = -1;
                if (rebuild) {
                    long t0 = System.nanoTime();
                    IndexedDedupState again = new IndexedDedupState(journal, Long.MAX_VALUE / 4);
                    again.advanceTo(state.now());
                    again.rebuild();
                    rebuildS = (System.nanoTime() - t0) / 1e9;
                }
                System.out.printf(Locale.ROOT, "%,12d %14.1f %14.1f %12.0f %14.0f %12.1f%n", state.slots(), freshUs,
                        copyUs, heap / (double) state.slots(), journal.bytes() / (double) state.slots(), rebuildS);
            }
        }
    }

    private static double decideAll(DedupEngine engine, IndexedDedupState state, List<DedupCandidate> in) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (DedupCandidate c : in) {
            state.advanceTo(c.eventTimeMs());
            engine.decide(c, state);
        }
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / in.size();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
