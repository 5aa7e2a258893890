package dev.newsmon.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.core.model.DedupMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DedupEngineTest {

    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_714_000_000_000L;
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final DedupEngine engine = new DedupEngine();

    /** Unrelated articles of about 600 words: random words from a 3,000-word vocabulary (Zipf-like). */
    static String randomArticle(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int rank = (int) Math.floor(Math.pow(3000, rnd.nextDouble()));
            b.append(i % 25 == 0 && i > 0 ? ".\n\n" : " ").append(wordOf(rank));
            if (rnd.nextInt(40) == 0) {
                b.append(' ').append(rnd.nextInt(5000));
            }
        }
        return b.toString().strip();
    }

    private static String wordOf(int rank) {
        String letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        StringBuilder w = new StringBuilder();
        int r = rank + 7;
        do {
            w.append(letters.charAt(r % letters.length()));
            r /= letters.length();
        } while (r > 0);
        return w.append(letters.charAt(rank % 11)).toString();
    }

    private DedupCandidate candidate(String id, String url, String text, long time) {
        return fingerprinter.candidate(id, url, ContentHash.of(text), text, List.of(), time);
    }

    @Test
    void bytesPerUniqueArticleStayUnderTheTarget() {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        Random rnd = new Random(42);
        int n = 3000;
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "u-%016x", rnd.nextLong());
            DedupDecision d = engine.decide(candidate(id, "site" + (i % 40) + ".example/news/2024/" + id,
                    randomArticle(rnd, 600), T0 + i * 60_000L), state);
            assertThat(d.duplicate()).isFalse();
        }
        double perArticle = state.bytes() / (double) n;
        System.out.printf(Locale.ROOT, "dedup state: %.1f bytes per unique article (records %.1f, buckets %.1f, "
                + "url %.1f, content %.1f), %d entries%n", perArticle, state.bytes("a") / (double) n,
                (state.bytes() - state.bytes("a") - state.bytes("u") - state.bytes("c")) / (double) n,
                state.bytes("u") / (double) n, state.bytes("c") / (double) n, state.size());
        assertThat(perArticle).isLessThanOrEqualTo(600);
    }

    @Test
    void bucketListsStayBoundedByTheCap() {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        String brief = "Temperatures in the capital are expected to reach high levels on Wednesday, the centre said.";
        for (int i = 0; i < 50; i++) {
            // Same text with a different figure each time: near-identical sketches, all unique (numbers differ).
            engine.decide(candidate("b" + i, null, brief + " Reading " + (1000 + i) + ".", T0 + i), state);
        }
        assertThat(state.count("a")).isEqualTo(50);
        for (String key : DedupEngine.bandKeys(fingerprinter.sketch(brief + " Reading 1049.", List.of()))) {
            byte[] bucket = state.get(key);
            assertThat(bucket == null ? 0 : bucket.length / 8).isLessThanOrEqualTo(engine.config().bucketCap());
        }
    }

    @Test
    void sameIdSameUrlAndSameTextAreExactDuplicates() {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        String text = randomArticle(new Random(1), 300);
        engine.decide(candidate("first", "a.example/x/1", text, T0), state);
        assertThat(engine.decide(candidate("first", null, "other text entirely", T0 + 1), state))
                .isEqualTo(DedupDecision.copyOf("first", DedupMethod.URL, 1.0));
        assertThat(engine.decide(candidate("second", "a.example/x/1", "changed text", T0 + 2), state))
                .isEqualTo(DedupDecision.copyOf("first", DedupMethod.URL, 1.0));
        assertThat(engine.decide(candidate("third", "b.example/y", text, T0 + 3), state))
                .isEqualTo(DedupDecision.copyOf("first", DedupMethod.CONTENT, 1.0));
        // A copy's id, URL and text now lead to the original too.
        assertThat(engine.decide(candidate("third", null, "x y z", T0 + 4), state).duplicateOf()).isEqualTo("first");
        assertThat(engine.decide(candidate("fourth", "b.example/y", "p q r", T0 + 5), state).duplicateOf())
                .isEqualTo("first");
    }

    @Test
    void aBareHostIsNotAnArticleUrl() {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        engine.decide(candidate("one", "news.example", randomArticle(new Random(2), 200), T0), state);
        assertThat(engine.decide(candidate("two", "news.example", randomArticle(new Random(3), 200), T0 + 1), state)
                .duplicate()).isFalse();
    }

    @Test
    void forgetsArticlesOlderThanTheHorizon() {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        String text = randomArticle(new Random(4), 300);
        engine.decide(candidate("old", "a.example/old", text, T0), state);
        assertThat(engine.find(candidate("copy", null, text + " extra words here", T0 + 29 * DAY), state)
                .duplicate()).isTrue();
        engine.decide(candidate("later", null, randomArticle(new Random(5), 300), T0 + 31 * DAY), state);
        assertThat(engine.find(candidate("copy", null, text + " extra words here", T0 + 31 * DAY), state)
                .duplicate()).isFalse();
    }

    @Test
    void theSameSequenceGivesTheSameDecisionsAndTiesGoToTheEarliestThenSmallestId() {
        Random rnd = new Random(6);
        String story = randomArticle(rnd, 400);
        List<DedupCandidate> stream = new ArrayList<>();
        // Two stored originals the query matches equally well: the same text, stored under distinct ids because
        // their content hashes are forced apart.
        stream.add(new DedupCandidate("b-later", null, "h1", T0 + 10, fingerprinter.sketch(story, List.of())));
        stream.add(new DedupCandidate("z-early", null, "h2", T0, fingerprinter.sketch(story, List.of())));
        stream.add(new DedupCandidate("a-early", null, "h3", T0, fingerprinter.sketch(story, List.of())));
        for (int i = 0; i < 30; i++) {
            stream.add(candidate("n" + i, null, i % 3 == 0 ? story + " " + i : randomArticle(rnd, 300), T0 + 20 + i));
        }
        List<DedupDecision> first = run(stream);
        assertThat(run(stream)).isEqualTo(first);
        assertThat(first.get(0).duplicate()).isFalse();
        assertThat(first.get(1).duplicateOf()).isEqualTo("b-later");
        InMemoryDedupState three = new InMemoryDedupState(30 * DAY);
        stream.subList(0, 3).forEach(c -> engine.store(c, three));
        assertThat(three.count("a")).isEqualTo(3);
        DedupDecision d = engine.find(candidate("q", null, story, T0 + 100), three);
        assertThat(d.duplicateOf()).isEqualTo("a-early");
        assertThat(d.method()).isEqualTo(DedupMethod.NEAR);
    }

    private List<DedupDecision> run(List<DedupCandidate> stream) {
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        DedupEngine e = new DedupEngine();
        List<DedupDecision> out = new ArrayList<>();
        for (DedupCandidate c : stream) {
            out.add(e.decide(c, state));
        }
        return out;
    }

    @Test
    void aCopyThatDropsItsLastParagraphIsStillTheSameArticle() {
        // The dropped paragraph is short (the copy keeps over 80% of the text) but names four facts of its own.
        String body = String.join("\n\n",
                "Cargo planes flew from Hmeimim in Syria to the al-Khadim air base east of Benghazi for several days,"
                        + " flight trackers and satellite pictures showed, after the fall of the government in Damascus."
                        + " The flights continued at night, and the crews did not file plans with civilian controllers.",
                "Aircraft also landed at al-Jufra in central Libya, and ships may later carry heavy equipment to the"
                        + " port of Tobruk, according to the same sources, who spoke on condition of anonymity because"
                        + " they were not allowed to talk to the press about military movements.",
                "Analysts say Moscow, unsure about the future of Tartus and Hmeimim, wants eastern Libya as a hub for"
                        + " its operations in the Mediterranean and in Africa, relying on Khalifa Haftar, whose forces"
                        + " control the east and the south of the country and most of its oil fields.",
                "The bases host Russians who served with the Wagner Group before the Africa Corps took them over, a"
                        + " link to Mali, Burkina Faso and Niger, where Russian instructors train the armies of the"
                        + " military governments that came to power in coups over the past four years.",
                "Washington, Ankara and the UN Security Council urged restraint.");
        String copy = body.substring(0, body.lastIndexOf("\n\n"));
        InMemoryDedupState state = new InMemoryDedupState(30 * DAY);
        assertThat(engine.decide(taggedCandidate("orig", "a.example/1", body, T0), state).duplicate()).isFalse();
        DedupDecision d = engine.decide(taggedCandidate("copy", "b.example/2", copy, T0 + DAY), state);
        assertThat(d.duplicate()).isTrue();
        assertThat(d.duplicateOf()).isEqualTo("orig");
        assertThat(d.method()).isEqualTo(DedupMethod.NEAR);
    }

    /** As the pipeline builds it: with the entities the tagger finds (each one a salient feature). */
    private DedupCandidate taggedCandidate(String id, String url, String text, long time) {
        return fingerprinter.candidate(id, url, ContentHash.of(text), text,
                dev.newsmon.core.tagging.EntityTagger.builtIn().tag("", text), time);
    }
}
