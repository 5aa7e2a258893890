package dev.newsmon.core.dedup;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import java.util.Arrays;
import java.util.List;

/**
 * Computes everything the dedup engine will compare, once per article, in the parallel stage: the
 * {@link TextSketch} of the main text (shingle MinHash, lead bins, salient features). Thread-safe and
 * stateless; never throws on bad input (an unusable text gives {@link TextSketch#EMPTY}).
 *
 * <p>Shingles are word 3-grams of the folded text ({@link Words}); a 3-gram made only of function words is
 * skipped, so that "على الرغم من" or "one of the" do not make unrelated articles look alike. The signature is
 * one-permutation MinHash: each shingle hash is hashed once, its top 8 bits pick one of 256 bins and the bin
 * keeps its smallest value; empty bins (short texts) borrow from other bins by optimal densification
 * (Shrivastava 2017) so that two texts still compare bin by bin. The LSH bands use the coarser 128-bin view of
 * the same minima (top 7 bits: the smaller of two neighbouring bins), so banding costs no second pass. One hash
 * per shingle instead of one per bin is what keeps a 6 KB article well under 40 µs.
 */
public final class Fingerprinter {

    static final int SHINGLE_WORDS = 3;
    /** How many shingles at the start of a text the lead bins cover (about the first two sentences). */
    static final int LEAD_SHINGLES = 40;
    /** A closing sentence is a tail (its facts flagged) only in texts of at least this many sentences. */
    static final int TAIL_MIN_SENTENCES = 3;
    private static final long LOW_56 = (1L << 56) - 1;
    private static final long BIT_56 = 1L << 56;
    private static final long LOW_62 = (1L << 62) - 1;
    private static final long DENSIFY_SEED = 0x5DEECE66DL;

    private static final long TAG_NUMBER = 0x6E756D6265720001L;
    private static final long TAG_PLACE = 0x706C616365000002L;
    private static final long TAG_CUED = 0x6375656400000003L;
    private static final long TAG_PROPER = 0x70726F7065720004L;
    private static final long TAG_ENTITY = 0x656E746974790005L;

    public DedupCandidate candidate(String id, String canonicalUrl, String contentHash, String mainText,
            List<EntityMention> entities, long eventTimeMs) {
        return new DedupCandidate(id, canonicalUrl, contentHash, eventTimeMs, sketch(mainText, entities));
    }

    /**
     * The candidate for an article whose main text the per-source recurring-line filter cleaned: sketched on the
     * cleaned text, so that a source's furniture never drives a near-duplicate decision, but with the content hash
     * of the text before the filter. The filter learns per source, so it may blank a line in one copy of a text
     * and not in another copy at another outlet; exact copies must still share their content hash.
     */
    public DedupCandidate withCleanedText(DedupCandidate candidate, String cleanedText, List<EntityMention> entities) {
        return new DedupCandidate(candidate.id(), candidate.canonicalUrl(), candidate.contentHash(),
                candidate.eventTimeMs(), sketch(cleanedText, entities));
    }

    /**
     * The sketch of a main text; {@code entities} are the tagger's mentions of it (only those in the text count),
     * with spans into {@code mainText}: a mention written with words that already gave a feature adds none.
     */
    public TextSketch sketch(String mainText, List<EntityMention> entities) {
        if (mainText == null || mainText.isBlank()) {
            return TextSketch.EMPTY;
        }
        try {
            return sketchOf(Words.scan(WireFurniture.blank(mainText), null), entities == null ? List.of() : entities);
        } catch (RuntimeException e) {
            // A bug here must not stop the pipeline; the article can still be matched by URL and content hash.
            return TextSketch.EMPTY;
        }
    }

    private static TextSketch sketchOf(Words w, List<EntityMention> entities) {
        if (w.size == 0) {
            return TextSketch.EMPTY;
        }
        long[] mins = new long[TextSketch.SIGNATURE_BINS];
        long[] leadMins = new long[TextSketch.LEAD_BINS];
        Arrays.fill(mins, Long.MAX_VALUE);
        Arrays.fill(leadMins, Long.MAX_VALUE);
        LongSet distinct = new LongSet(w.size);
        int leadTaken = 0;
        long[] h = w.hashes;
        if (w.size < SHINGLE_WORDS) {
            long s = h[0];
            for (int i = 1; i < w.size; i++) {
                s = Words.pair(s, h[i]);
            }
            distinct.add(s);
            addToBins(s, mins, leadMins, true);
        } else {
            for (int i = 0; i + SHINGLE_WORDS <= w.size; i++) {
                if (Lexicon.isStopword(h[i]) && Lexicon.isStopword(h[i + 1]) && Lexicon.isStopword(h[i + 2])) {
                    continue;
                }
                long s = shingle(h[i], h[i + 1], h[i + 2]);
                distinct.add(s);
                addToBins(s, mins, leadMins, leadTaken < LEAD_SHINGLES);
                leadTaken++;
            }
        }
        if (distinct.size() == 0) {
            return TextSketch.EMPTY;
        }
        return features(w, entities, distinct.size(), bandBins(mins), densify(leadMins), signature(mins));
    }

    static long shingle(long a, long b, long c) {
        return Words.mix(a * 0x9E3779B97F4A7C15L + Long.rotateLeft(b, 23) * 0xC2B2AE3D27D4EB4FL
                + Long.rotateLeft(c, 47));
    }

    private static void addToBins(long s, long[] mins, long[] leadMins, boolean lead) {
        int bin = (int) (s >>> 56);
        long v = s & LOW_56;
        if (v < mins[bin]) {
            mins[bin] = v;
        }
        if (lead) {
            int lb = (int) (s >>> 62);
            long lv = s & LOW_62;
            if (lv < leadMins[lb]) {
                leadMins[lb] = lv;
            }
        }
    }

    /**
     * The band bins: the 128-bin MinHash that the top 7 hash bits define, read off the 256 fine bins (the
     * minimum of bin {@code i} is that of fine bin {@code 2i}, else of {@code 2i + 1} with hash bit 56 set).
     */
    static short[] bandBins(long[] fine) {
        long[] coarse = new long[TextSketch.BAND_SOURCE_BINS];
        for (int i = 0; i < coarse.length; i++) {
            long even = fine[2 * i];
            long odd = fine[2 * i + 1];
            coarse[i] = even != Long.MAX_VALUE ? even : odd != Long.MAX_VALUE ? BIT_56 | odd : Long.MAX_VALUE;
        }
        return Arrays.copyOf(densify(coarse), TextSketch.BAND_BINS);
    }

    /** The verification signature: the densified fine bins, {@value TextSketch#SIGNATURE_BITS} bits each. */
    static byte[] signature(long[] fine) {
        short[] dense = densify(fine);
        int[] values = new int[dense.length];
        for (int i = 0; i < dense.length; i++) {
            values[i] = (dense[i] & 0xFFFF) >>> (16 - TextSketch.SIGNATURE_BITS);
        }
        return TextSketch.pack(values);
    }

    /**
     * 16-bit values per bin; an empty bin takes the value of the first non-empty bin in a pseudo-random probe
     * sequence that depends only on the bin number, so two texts that both lack a bin borrow alike.
     */
    static short[] densify(long[] mins) {
        int n = mins.length;
        short[] out = new short[n];
        boolean any = false;
        for (long m : mins) {
            any |= m != Long.MAX_VALUE;
        }
        if (!any) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            long m = mins[i];
            for (int attempt = 0; m == Long.MAX_VALUE; attempt++) {
                int donor = attempt < 64
                        ? (int) (Words.mix(DENSIFY_SEED + i * 0x9E3779B97F4A7C15L + attempt) & (n - 1))
                        : (i + attempt) % n;
                m = mins[donor];
            }
            out[i] = (short) (Words.mix(m) >>> 48);
        }
        return out;
    }

    private static TextSketch features(Words w, List<EntityMention> entities, int shingles, short[] bandBins,
            short[] lead, byte[] signature) {
        FeatureSet found = new FeatureSet();
        long[] h = w.hashes;
        int tailStart = tailStart(w);
        // Words that already gave a feature: a tagged entity written with them is the same fact, counted once.
        boolean[] featured = new boolean[w.size];
        for (int i = 0; i < w.size; i++) {
            long feature = 0L;
            long number = Lexicon.numberWord(h[i]);
            // Two-word names and cue words never reach across a sentence or paragraph break: moving paragraphs
            // around must not change what an article is about.
            boolean nextInSentence = i + 1 < w.size && !w.is(i + 1, Words.SENTENCE_START);
            long pairPlace = nextInSentence ? Lexicon.place(h[i], h[i + 1]) : 0L;
            long place = pairPlace != 0 ? pairPlace : Lexicon.place(h[i]);
            if (w.is(i, Words.NUMBER)) {
                feature = TAG_NUMBER ^ h[i];
            } else if (number != 0L) {
                feature = TAG_NUMBER ^ number;
            } else if (place != 0L) {
                feature = TAG_PLACE ^ Words.mix(place);
            } else if (w.is(i, Words.CAPITALIZED) && !w.is(i, Words.SENTENCE_START) && !Lexicon.isStopword(h[i])) {
                feature = TAG_PROPER ^ h[i];
            }
            if (feature != 0L) {
                found.add(feature, i >= tailStart);
                featured[i] = true;
            }
            if (Lexicon.isPlaceCue(h[i]) && nextInSentence && !w.is(i + 1, Words.NUMBER)
                    && !Lexicon.isStopword(h[i + 1]) && Lexicon.place(h[i + 1]) == 0L) {
                found.add(TAG_CUED ^ h[i + 1], i + 1 >= tailStart);
                featured[i + 1] = true;
            }
            if (pairPlace != 0L) {
                featured[i + 1] = true;
                i++;
            }
        }
        int tailOffset = tailStart < w.size ? w.starts[tailStart] : Integer.MAX_VALUE;
        for (EntityMention e : entities) {
            if (e != null && namedApartFromWordFeatures(e, w, featured)) {
                found.add(TAG_ENTITY ^ Words.hashOf(e.id()), onlyInTail(e, tailOffset));
            }
        }
        int[] sorted = found.sorted();
        int kept = Math.min(sorted.length, TextSketch.MAX_FEATURES);
        short[] features = new short[kept];
        for (int i = 0; i < kept; i++) {
            features[i] = (short) sorted[i];
        }
        return new TextSketch(shingles, bandBins, lead, signature, features, sorted.length > kept);
    }

    /**
     * The first word of the text's closing sentence when it may count as a tail (see {@link TextSketch#features()}):
     * the text has at least {@value #TAIL_MIN_SENTENCES} sentences and the last one holds at most 40 % of the words;
     * otherwise {@code w.size} (no tail).
     */
    static int tailStart(Words w) {
        int sentences = 0;
        int last = 0;
        for (int i = 0; i < w.size; i++) {
            if (i == 0 || w.is(i, Words.SENTENCE_START)) {
                sentences++;
                last = i;
            }
        }
        return sentences >= TAIL_MIN_SENTENCES && w.size - last <= 0.4 * w.size ? last : w.size;
    }

    private static boolean onlyInTail(EntityMention e, int tailOffset) {
        for (Span s : e.offsets()) {
            if (s != null && Span.TEXT.equals(s.field()) && s.start() < tailOffset) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the entity is mentioned in the text at least once by words that gave no feature of their own.
     * A town the place list knows ("ومرزق") is one fact whether or not the tagger also names it; counting it
     * twice would turn an editor's one dropped name into two omissions.
     */
    private static boolean namedApartFromWordFeatures(EntityMention e, Words w, boolean[] featured) {
        for (Span s : e.offsets()) {
            if (s == null || !Span.TEXT.equals(s.field())) {
                continue;
            }
            boolean covered = false;
            boolean anyWord = false;
            for (int j = firstWordEndingAfter(w, s.start()); j < w.size && w.starts[j] < s.end(); j++) {
                covered |= featured[j];
                anyWord = true;
            }
            // A mention with no word left was in the wire furniture (dateline, credit line): not the article's fact.
            if (anyWord && !covered) {
                return true;
            }
        }
        return false;
    }

    private static int firstWordEndingAfter(Words w, int offset) {
        int lo = 0;
        int hi = w.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (w.ends[mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Distinct features as 16-bit values: a 15-bit hash and, in the lowest bit, whether the fact is named only in
     * the closing sentence. The sketch keeps the smallest ones (a bottom-k sample by hash).
     */
    private static final class FeatureSet {
        private int[] values = new int[32];
        private int size;

        void add(long feature, boolean inTail) {
            int key = (int) (Words.mix(feature) >>> 49);
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = key << 1 | (inTail ? 1 : 0);
        }

        int[] sorted() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            int distinct = 0;
            for (int i = 0; i < out.length; i++) {
                // Same fact named in the body and in the tail: the body mention (flag 0) sorts first and wins.
                if (i == 0 || out[i] >>> 1 != out[i - 1] >>> 1) {
                    out[distinct++] = out[i];
                }
            }
            return Arrays.copyOf(out, distinct);
        }
    }
}
