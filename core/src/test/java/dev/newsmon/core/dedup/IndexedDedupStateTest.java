package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The journal + derived index must give the decisions of the key-value layout ({@link InMemoryDedupState}), also
 * with a small bucket cap, with expiry, and after the index is rebuilt from the journal.
 */
class IndexedDedupStateTest {

    private static final long MINUTE = 60_000L;
    private static final long T0 = 1_714_000_000_000L;
    private final Fingerprinter fingerprinter = new Fingerprinter();

    /** Originals, exact re-sends (same id, or same URL), syndicated copies and edited copies, in time order. */
    private List<DedupCandidate> stream(long seed, int n) {
        Random rnd = new Random(seed);
        List<String> texts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<DedupCandidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long time = T0 + i * MINUTE;
            int kind = texts.isEmpty() ? 0 : rnd.nextInt(10);
            // Recent articles are copied most, so copies meet live originals and, with a short horizon, dead ones.
            int of = texts.isEmpty() ? 0 : Math.max(0, texts.size() - 1 - rnd.nextInt(Math.min(texts.size(), 400)));
            String id = String.format(Locale.ROOT, "a-%d-%08x", i, rnd.nextInt());
            if (kind == 1) {
                out.add(candidate(ids.get(of), texts.get(of), time)); // re-crawl: same id
            } else if (kind == 2) {
                out.add(candidate(id, texts.get(of), time)); // syndicated: same text, other id and URL
            } else if (kind == 3 || kind == 4) {
                String t = texts.get(of);
                String edited = t.substring(0, t.length() * (6 + rnd.nextInt(4)) / 10) + " وأضاف المتحدث " + i;
                out.add(candidate(id, edited, time));
            } else if (kind == 5) {
                String t = texts.get(of);
                out.add(candidate(id, t.substring(0, t.length() / 3), time)); // excerpt
            } else {
                String text = DedupEngineTest.randomArticle(rnd, 80 + rnd.nextInt(400));
                texts.add(text);
                ids.add(id);
                out.add(candidate(id, text, time));
            }
        }
        return out;
    }

    private DedupCandidate candidate(String id, String text, long time) {
        return fingerprinter.candidate(id, "site.example/news/" + id, ContentHash.of(text), text, List.of(), time);
    }

    private static List<DedupDecision> decide(DedupEngine engine, DedupState state, List<DedupCandidate> in) {
        List<DedupDecision> out = new ArrayList<>();
        for (DedupCandidate c : in) {
            out.add(engine.decide(c, state));
        }
        return out;
    }

    @Test
    void decidesAsTheKeyValueLayoutWithExpiryAndASmallBucketCap() {
        for (int cap : new int[] {16, 2}) {
            DedupEngine engine = new DedupEngine(new DedupConfig(0.40, 0.75, 20, 0.10, cap));
            long horizon = 300 * MINUTE;
            List<DedupCandidate> in = stream(7 + cap, 2500);
            List<DedupDecision> expected = decide(engine, new InMemoryDedupState(horizon), in);
            InMemoryDedupJournal journal = new InMemoryDedupJournal();
            List<DedupDecision> actual = decide(engine, new IndexedDedupState(journal, horizon, cap), in);
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.stream().filter(DedupDecision::duplicate).count()).isGreaterThan(500);
            // Expired records leave the journal: what is left is about one horizon of the stream.
            assertThat(journal.size()).isLessThan(400);
        }
    }

    @Test
    void aRebuiltIndexDecidesAsTheOneItReplaces() {
        DedupEngine engine = new DedupEngine();
        long horizon = 500 * MINUTE;
        List<DedupCandidate> in = stream(99, 2000);
        List<DedupDecision> expected = decide(engine, new InMemoryDedupState(horizon), in);
        InMemoryDedupJournal journal = new InMemoryDedupJournal();
        IndexedDedupState first = new IndexedDedupState(journal, horizon);
        List<DedupDecision> actual = new ArrayList<>(decide(engine, first, in.subList(0, 1200)));
        IndexedDedupState rebuilt = new IndexedDedupState(journal, horizon);
        rebuilt.advanceTo(first.now());
        rebuilt.rebuild();
        assertThat(rebuilt.slots()).isEqualTo(first.slots());
        actual.addAll(decide(engine, rebuilt, in.subList(1200, in.size())));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void writesOneJournalRecordPerDecisionThatRemembersSomething() {
        DedupEngine engine = new DedupEngine();
        InMemoryDedupJournal journal = new InMemoryDedupJournal();
        IndexedDedupState state = new IndexedDedupState(journal, Long.MAX_VALUE / 4);
        List<DedupCandidate> in = stream(3, 500);
        decide(engine, state, in);
        assertThat(journal.size()).isEqualTo(in.size());
    }

    @Test
    void theSummaryBoundsTheJaccardEstimateFromAbove() {
        Random rnd = new Random(5);
        for (int i = 0; i < 300; i++) {
            String a = DedupEngineTest.randomArticle(rnd, 200);
            String b = rnd.nextBoolean() ? DedupEngineTest.randomArticle(rnd, 200)
                    : a.substring(0, a.length() / 2) + DedupEngineTest.randomArticle(rnd, 100);
            TextSketch sa = candidate("a", a, T0).sketch();
            TextSketch sb = candidate("b", b, T0).sketch();
            IndexedDedupState state = new IndexedDedupState(new InMemoryDedupJournal(), Long.MAX_VALUE / 4);
            DedupEngine engine = new DedupEngine();
            engine.decide(candidate("a", a, T0), state);
            NearBound bound = state.nearBound(StateKeys.ref("a"), sb);
            assertThat(bound.shingles()).isEqualTo(sa.shingles());
            assertThat(bound.maxJaccard()).isGreaterThanOrEqualTo(TextSketch.jaccard(sa.signature(), sb.signature()));
        }
    }
}
