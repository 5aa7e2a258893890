package dev.newsmon.core.dedup;

import dev.newsmon.core.model.DedupMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an article repeats one seen within the horizon, and remembers the new ones. Must see articles
 * in one total order (the topology's sequencer): the same sequence of candidates always gives the same
 * decisions, because nothing here depends on hash-map iteration order or on the clock.
 *
 * <p>Checks, in order:
 * <ol>
 *   <li>the same article id again ({@code url}, similarity 1);</li>
 *   <li>the same canonical URL ({@code url}, 1) — only for URLs with a path or query, since a bare host names
 *       a site, not an article;</li>
 *   <li>the same normalized main text ({@code content}, 1);</li>
 *   <li>near duplicates ({@code near}): candidates from 16 LSH bands (2 MinHash bins each) and 2 lead bands,
 *       verified by estimated Jaccard ≥ {@link DedupConfig#jaccardThreshold()} or, for an excerpt, containment
 *       of the new text in the old ≥ {@link DedupConfig#containmentThreshold()}, and agreement on salient
 *       features (numbers, places, entities). The best match wins: highest similarity (to 0.01), then the
 *       earliest event time, then the smallest id.</li>
 * </ol>
 * Only unique articles enter the LSH buckets; a duplicate leaves aliases (its id, URL and content hash)
 * pointing at its original, so a re-sent copy of a copy resolves to the same original.
 */
public final class DedupEngine {

    static final int BANDS = TextSketch.BAND_BINS / 2;
    static final int LEAD_BANDS = TextSketch.LEAD_BINS / 2;
    /** Texts this long (in shingles) may omit one salient feature of the other: briefs are shorter. */
    static final int OMISSION_SLACK_SHINGLES = 80;
    /** Shingles a side must have of its own before its closing-sentence facts are read as an edit (a sentence). */
    static final int MIN_TAIL_EDIT_SHINGLES = 6;

    private final DedupConfig config;

    public DedupEngine() {
        this(DedupConfig.defaults());
    }

    public DedupEngine(DedupConfig config) {
        this.config = config;
    }

    public DedupConfig config() {
        return config;
    }

    /** The decision for {@code c}; remembers it (a unique article, or a duplicate's aliases) in {@code state}. */
    public DedupDecision decide(DedupCandidate c, DedupState state) {
        Lookup lookup = lookup(c, state);
        if (lookup.original != null) {
            rememberDuplicate(c, lookup, state);
        } else {
            rememberUnique(c, lookup, state);
        }
        state.flush();
        return lookup.decision;
    }

    /** The decision for {@code c} without changing {@code state}. */
    public DedupDecision find(DedupCandidate c, DedupState state) {
        return lookup(c, state).decision;
    }

    /** Stores {@code c} as a unique article whatever it resembles (tests build exact states with it). */
    void store(DedupCandidate c, DedupState state) {
        Lookup l = new Lookup(state);
        if (!c.sketch().isEmpty()) {
            l.bucketKeys = bandKeys(c.sketch());
            l.buckets = new long[l.bucketKeys.length][];
            for (int b = 0; b < l.bucketKeys.length; b++) {
                l.buckets[b] = StateKeys.refs(state.get(l.bucketKeys[b]));
            }
        }
        rememberUnique(c, l, state);
        state.flush();
    }

    private Lookup lookup(DedupCandidate c, DedupState state) {
        Lookup l = new Lookup(state);
        long ref = StateKeys.ref(c.id());
        if (l.exact(ref, DedupMethod.URL)
                || l.exact(aliasOf(state, StateKeys.key(StateKeys.ID_ALIAS, ref)), DedupMethod.URL)
                || identifiesArticle(c.canonicalUrl()) && l.exact(aliasOf(state, urlKey(c)), DedupMethod.URL)
                || c.contentHash() != null && l.exact(aliasOf(state, contentKey(c)), DedupMethod.CONTENT)) {
            return l;
        }
        if (c.sketch().isEmpty()) {
            return l;
        }
        String[] keys = bandKeys(c.sketch());
        l.bucketKeys = keys;
        l.buckets = new long[keys.length][];
        Map<Long, Boolean> seen = new LinkedHashMap<>();
        for (int b = 0; b < keys.length; b++) {
            l.buckets[b] = StateKeys.refs(state.get(keys[b]));
            for (long r : l.buckets[b]) {
                seen.putIfAbsent(r, Boolean.TRUE);
            }
        }
        Match best = null;
        for (long r : seen.keySet()) {
            if (r == ref) {
                continue;
            }
            NearBound bound = state.nearBound(r, c.sketch());
            if (bound != null && !similarEnough(bound.maxJaccard(), c.sketch().shingles(), bound.shingles())) {
                continue; // cannot pass: not read
            }
            StoredArticle o = l.load(r);
            if (o == null) {
                continue;
            }
            double score = nearScore(c.sketch(), o);
            if (score >= 0 && (best == null || better(score, o, best))) {
                best = new Match(r, o, score);
            }
        }
        if (best != null) {
            l.original = best.article;
            l.originalRef = best.ref;
            l.decision = DedupDecision.copyOf(best.article.id(), DedupMethod.NEAR, round(best.score));
        }
        return l;
    }

    /**
     * The similarity of a new text to a stored one when it is a near duplicate of it, else -1: the larger of the
     * Jaccard estimate and the containment of the new text in the old.
     */
    double nearScore(TextSketch n, StoredArticle o) {
        double j = o.jaccard(n);
        int nn = n.shingles();
        double containment = containment(j, nn, o.shingles());
        if (!similarEnough(j, nn, o.shingles()) || !featuresAgree(n, o, containment)) {
            return -1;
        }
        return Math.max(j, containment);
    }

    /** The estimated share of the new text's shingles found in the old one, from the Jaccard estimate. */
    private static double containment(double j, int nn, int no) {
        double intersection = j * (nn + no) / (1 + j);
        return nn == 0 ? 0 : Math.min(1.0, intersection / nn);
    }

    /**
     * The similarity test of a near duplicate (before features): Jaccard, or containment of an excerpt. It grows
     * with {@code j}, so an upper bound of {@code j} that fails it rules the candidate out.
     */
    private boolean similarEnough(double j, int nn, int no) {
        return j >= config.jaccardThreshold()
                || nn >= config.minContainmentShingles() && containment(j, nn, no) >= config.containmentThreshold();
    }

    /**
     * True when the salient features do not contradict each other. The features are bottom-k samples, so they
     * are compared below the smaller of the two samples' cut-offs. The shorter text's features must be in the
     * longer one (an excerpt names nothing its source does not); texts of about the same length must agree both
     * ways. Long texts may differ in a few ({@link DedupConfig#featureTolerance()}); short briefs in none, which
     * is what keeps "explosion in Sirte kills 3" apart from "explosion in Derna kills 3". An article of
     * {@value #OMISSION_SLACK_SHINGLES}+ shingles may also omit one feature the other has (an edit, not a new fact).
     */
    boolean featuresAgree(TextSketch n, StoredArticle o) {
        return featuresAgree(n, o, 0.0);
    }

    /**
     * As {@link #featuresAgree(TextSketch, StoredArticle)}; {@code containment} is the share of the new text found in
     * the stored one: a copy that drops a paragraph names nothing new, only less, and is treated as an excerpt.
     */
    boolean featuresAgree(TextSketch n, StoredArticle o, double containment) {
        short[] a = n.features();
        short[] b = o.features();
        // Features are compared by their 15-bit hash (value >>> 1); the low bit says "named only in the closing
        // sentence" (Fingerprinter).
        int limit = Math.min(n.featuresTruncated() && a.length > 0 ? (a[a.length - 1] & 0xFFFF) >>> 1 : 0xFFFF,
                o.featuresTruncated() && b.length > 0 ? (b[b.length - 1] & 0xFFFF) >>> 1 : 0xFFFF);
        int nn = n.shingles();
        int no = o.shingles();
        // A closing sentence swapped, added or dropped by the copying outlet: when a side differs from the other by
        // at least a sentence's worth of shingles, facts it names only in its closing sentence are that edit's, not
        // the story's, and do not count. A corrected figure or town changes a word or two, never enough.
        double shared = containment * nn;
        boolean newTailEdited = containment > 0 && nn - shared >= MIN_TAIL_EDIT_SHINGLES;
        boolean oldTailEdited = containment > 0 && no - shared >= MIN_TAIL_EDIT_SHINGLES;
        int onlyA = 0;
        int onlyB = 0;
        int sizeA = 0;
        int sizeB = 0;
        int i = 0;
        int k = 0;
        while (i < a.length || k < b.length) {
            int x = i < a.length ? (a[i] & 0xFFFF) >>> 1 : Integer.MAX_VALUE;
            int y = k < b.length ? (b[k] & 0xFFFF) >>> 1 : Integer.MAX_VALUE;
            if (Math.min(x, y) > limit) {
                break;
            }
            if (x == y) {
                sizeA++;
                sizeB++;
                i++;
                k++;
            } else if (x < y) {
                onlyA += newTailEdited && (a[i] & 1) != 0 ? 0 : 1;
                sizeA++;
                i++;
            } else {
                onlyB += oldTailEdited && (b[k] & 1) != 0 ? 0 : 1;
                sizeB++;
                k++;
            }
        }
        double tolerance = config.featureTolerance();
        if (Math.min(nn, no) >= 0.8 * Math.max(nn, no)) {
            // Same length: a feature on each side that the other lacks is a substitution (Sirte → Derna, 3 → 5);
            // a feature on one side only is an omission, which an editor makes in a longer article.
            int allowed = (int) Math.floor(tolerance * Math.max(sizeA, sizeB));
            int substitutions = Math.min(onlyA, onlyB);
            int omissions = Math.abs(onlyA - onlyB);
            boolean longTexts = Math.min(nn, no) >= OMISSION_SLACK_SHINGLES;
            int omissionSlack = longTexts ? 1 : 0;
            // A brief names few facts, but an English one capitalizes many words: its tolerance would let a
            // corrected figure (1.4 → 1.3 million barrels) through. Only long texts may swap a fact.
            int allowedSubstitutions = longTexts ? allowed : 0;
            if (onlyA == 0 && nn < no && containment >= config.containmentThreshold()) {
                // The new text is the old one minus a passage: every fact it names is in the old one.
                return true;
            }
            return substitutions <= allowedSubstitutions && omissions <= allowed + omissionSlack;
        }
        // An excerpt (or the shorter text) names nothing its source does not.
        boolean newIsSmaller = nn < no;
        return (newIsSmaller ? onlyA : onlyB) <= Math.floor(tolerance * (newIsSmaller ? sizeA : sizeB));
    }

    private static boolean better(double score, StoredArticle o, Match best) {
        long s = Math.round(score * 100);
        long t = Math.round(best.score * 100);
        if (s != t) {
            return s > t;
        }
        if (o.eventTimeMs() != best.article.eventTimeMs()) {
            return o.eventTimeMs() < best.article.eventTimeMs();
        }
        return o.id().compareTo(best.article.id()) < 0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** LSH keys: 16 bands of 2 signature bins, then 2 bands of 2 lead bins. */
    static String[] bandKeys(TextSketch s) {
        String[] keys = new String[BANDS + (s.hasLead() ? LEAD_BANDS : 0)];
        for (int b = 0; b < BANDS; b++) {
            keys[b] = StateKeys.band(b, bandHash(b, s.bandBin(2 * b), s.bandBin(2 * b + 1)));
        }
        for (int b = 0; b < keys.length - BANDS; b++) {
            keys[BANDS + b] = StateKeys.band(BANDS + b, bandHash(BANDS + b, s.leadBin(2 * b), s.leadBin(2 * b + 1)));
        }
        return keys;
    }

    private static long bandHash(int band, int first, int second) {
        return Words.mix(((long) first << 16 | second) + (band + 1L) * 0x9E3779B97F4A7C15L);
    }

    static boolean identifiesArticle(String canonicalUrl) {
        return canonicalUrl != null && (canonicalUrl.indexOf('/') > 0 || canonicalUrl.indexOf('?') > 0);
    }

    private static String urlKey(DedupCandidate c) {
        return StateKeys.key(StateKeys.URL, StateKeys.ref(c.canonicalUrl()));
    }

    private static String contentKey(DedupCandidate c) {
        return StateKeys.key(StateKeys.CONTENT, StateKeys.ref(c.contentHash()));
    }

    private static Long aliasOf(DedupState state, String key) {
        long[] refs = StateKeys.refs(state.get(key));
        return refs.length == 1 ? refs[0] : null;
    }

    private void rememberUnique(DedupCandidate c, Lookup l, DedupState state) {
        long ref = StateKeys.ref(c.id());
        long t = c.eventTimeMs();
        byte[] refBytes = StateKeys.refBytes(ref);
        state.put(StateKeys.key(StateKeys.ARTICLE, ref), StoredArticle.of(c).encode(), t);
        if (identifiesArticle(c.canonicalUrl())) {
            state.put(urlKey(c), refBytes, t);
        }
        if (c.contentHash() != null) {
            state.put(contentKey(c), refBytes, t);
        }
        if (l.bucketKeys == null) {
            return;
        }
        if (state.keepsBuckets()) {
            for (String key : l.bucketKeys) {
                state.put(key, refBytes, t);
            }
            return;
        }
        for (int b = 0; b < l.bucketKeys.length; b++) {
            List<Long> live = new ArrayList<>();
            long stamp = t;
            for (long r : l.buckets[b]) {
                StoredArticle o = l.load(r);
                if (o != null && r != ref && !live.contains(r)) {
                    live.add(r);
                    stamp = Math.max(stamp, o.eventTimeMs());
                }
            }
            live.add(ref);
            int from = Math.max(0, live.size() - config.bucketCap());
            long[] kept = live.stream().mapToLong(Long::longValue).toArray();
            state.put(l.bucketKeys[b], StateKeys.refsBytes(kept, from, kept.length), stamp);
        }
    }

    /** Aliases expire with the original they point to: they are stamped with its event time. */
    private static void rememberDuplicate(DedupCandidate c, Lookup l, DedupState state) {
        long ref = StateKeys.ref(c.id());
        long t = l.original.eventTimeMs();
        byte[] original = StateKeys.refBytes(l.originalRef);
        if (ref != l.originalRef) {
            state.put(StateKeys.key(StateKeys.ID_ALIAS, ref), original, t);
        }
        if (identifiesArticle(c.canonicalUrl())) {
            state.put(urlKey(c), original, t);
        }
        if (c.contentHash() != null) {
            state.put(contentKey(c), original, t);
        }
    }

    private record Match(long ref, StoredArticle article, double score) {
    }

    /** One lookup's findings, with the records it read, so that remembering needs no second read. */
    private static final class Lookup {
        private final DedupState state;
        private final Map<Long, StoredArticle> loaded = new LinkedHashMap<>();
        DedupDecision decision = DedupDecision.UNIQUE;
        StoredArticle original;
        long originalRef;
        String[] bucketKeys;
        long[][] buckets;

        Lookup(DedupState state) {
            this.state = state;
        }

        StoredArticle load(long ref) {
            if (!loaded.containsKey(ref)) {
                loaded.put(ref, StoredArticle.decode(state.get(StateKeys.key(StateKeys.ARTICLE, ref))));
            }
            return loaded.get(ref);
        }

        /** Resolves an exact match (same id, URL or text) to its stored original. */
        boolean exact(Long ref, DedupMethod method) {
            if (ref == null) {
                return false;
            }
            StoredArticle o = load(ref);
            if (o == null) {
                return false;
            }
            original = o;
            originalRef = ref;
            decision = DedupDecision.copyOf(o.id(), method, 1.0);
            return true;
        }
    }
}
