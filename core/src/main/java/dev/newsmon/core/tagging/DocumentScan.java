package dev.newsmon.core.tagging;

import dev.newsmon.core.text.NormalizedBuffer;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.text.Tokenizer;
import java.util.Arrays;

/**
 * The work area of one tagging call: normalized title and text, the name candidates found in them, the cues
 * seen, and the decision for each candidate. One per thread, reused from call to call, so the scan allocates
 * nothing per word; not thread-safe.
 *
 * <p>Scanning: at the start of every word the trie is walked from each clitic split of the word (see
 * {@link Clitics}); a walk crosses from word to word over spaces and punctuation, but not over a line break or
 * the end of a sentence, and a key counts only where a word ends. At each word the longest name wins, and the
 * next name may only start after it. Cue phrases are recorded wherever they occur.
 */
final class DocumentScan {

    static final int TITLE = 0;
    static final int TEXT = 1;
    static final int DROPPED = -1;
    private static final int PENDING = -2;
    private static final int SEVERAL = -3;
    private static final int MAX_PASSES = 3;

    final NormalizedBuffer[] buffers = {new NormalizedBuffer(), new NormalizedBuffer()};

    private NameIndex index;
    private CharTrie trie;

    // Candidates, in document order (title first).
    int count;
    int[] key = new int[64];
    int[] field = new int[64];
    int[] start = new int[64];
    int[] end = new int[64];
    int[] wordStart = new int[64];
    /** The entity a candidate was decided for, {@link #DROPPED}, or {@link #SEVERAL} (see extra*). */
    int[] assigned = new int[64];
    final CharTrie.IntList extraCandidate = new CharTrie.IntList(8);
    final CharTrie.IntList extraEntity = new CharTrie.IntList(8);
    private final CharTrie.IntList firm = new CharTrie.IntList(64);

    private boolean[] cueSeen = new boolean[0];
    /** presentStamp[e] == generation: entity e is named in the current article (no clearing between calls). */
    private int[] presentStamp = new int[0];
    private int[] slotStamp = new int[0];
    private int[] aliveStamp = new int[0];
    private int aliveMark;
    private int[] slotValue = new int[0];
    private int generation;
    private int[] seen = new int[16];
    private int seenCount;

    // State of the current word's walks.
    private int currentField;
    private boolean nameAllowed;
    private int bestKey;
    private int bestEnd;
    private int bestSpan;
    // Probe mode: only look for word cues in probe, ending at probeEnd (or anywhere when -1).
    private int[] probe;
    private int probeEnd;
    private boolean probeHit;

    void run(NameIndex compiled, String title, String text) {
        this.index = compiled;
        this.trie = compiled.trie;
        count = 0;
        extraCandidate.clear();
        extraEntity.clear();
        firm.clear();
        if (presentStamp.length < compiled.entities.length) {
            presentStamp = new int[compiled.entities.length];
            generation = 0;
        }
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(presentStamp, 0);
            Arrays.fill(slotStamp, 0);
            generation = 1;
        }
        if (cueSeen.length < compiled.cueCount) {
            cueSeen = new boolean[compiled.cueCount];
        }
        for (int i = 0; i < seenCount; i++) {
            cueSeen[seen[i]] = false;
        }
        seenCount = 0;
        TextNormalizer.normalizeInto(title, buffers[TITLE]);
        TextNormalizer.normalizeInto(text, buffers[TEXT]);
        scanField(TITLE);
        scanField(TEXT);
        resolve();
    }

    private void scanField(int f) {
        NormalizedBuffer buf = buffers[f];
        char[] t = buf.chars();
        int n = buf.length();
        currentField = f;
        int lastNameEnd = 0;
        int i = 0;
        while (i < n) {
            if (!Tokenizer.isWordChar(t[i])) {
                i++;
                continue;
            }
            int tokEnd = i + 1;
            while (tokEnd < n && Tokenizer.isWordChar(t[tokEnd])) {
                tokEnd++;
            }
            nameAllowed = i >= lastNameEnd;
            bestKey = -1;
            bestEnd = -1;
            bestSpan = Integer.MAX_VALUE;
            matchAt(t, n, i, tokEnd);
            if (bestKey >= 0) {
                addCandidate(f, i);
                lastNameEnd = bestEnd;
            }
            i = tokEnd;
        }
    }

    /** Walks the trie from every clitic split of the word [tokStart, tokEnd). */
    private void matchAt(char[] t, int n, int tokStart, int tokEnd) {
        walkBare(t, n, tokStart, tokEnd);
        char c0 = t[tokStart];
        if (tokEnd - tokStart < Clitics.MIN_STEM + 1 || !Clitics.isArabicLetter(c0)) {
            return;
        }
        afterConjunction(t, n, tokStart, tokEnd);
        if (Clitics.isConjunction(c0)) {
            walkBare(t, n, tokStart + 1, tokEnd);
            afterConjunction(t, n, tokStart + 1, tokEnd);
        }
    }

    /**
     * A walk from {@code p} with no article before it. Skipped where the rest of the word is ال + two or more
     * letters: keys with such a first word are all stored folded (see {@link NameIndex#hasFoldableArticle}), so
     * only the walk from after the article can find them.
     */
    private void walkBare(char[] t, int n, int p, int tokEnd) {
        if (tokEnd - p >= 2 + Clitics.MIN_STEM && t[p] == Clitics.ALEF && t[p + 1] == Clitics.LAM) {
            return;
        }
        walk(t, n, CharTrie.ROOT, p, p, false);
    }

    private void afterConjunction(char[] t, int n, int p, int tokEnd) {
        article(t, n, p, tokEnd);
        char c = t[p];
        if (!Clitics.isPreposition(c) || tokEnd - (p + 1) < Clitics.MIN_STEM) {
            return;
        }
        walkBare(t, n, p + 1, tokEnd);
        article(t, n, p + 1, tokEnd);
        if (c == Clitics.LAM && t[p + 1] == Clitics.LAM && tokEnd - (p + 2) >= Clitics.MIN_STEM) {
            // ل + ال is written لل: the article lost its alef (للسيسي, للفاغنر). The span starts at the first ل:
            // preposition and article are fused in writing.
            walk(t, n, CharTrie.ROOT, p + 2, p, true);
        }
    }

    private void article(char[] t, int n, int p, int tokEnd) {
        if (t[p] == Clitics.ALEF && p + 1 < tokEnd && t[p + 1] == Clitics.LAM
                && tokEnd - (p + 2) >= Clitics.MIN_STEM) {
            walk(t, n, CharTrie.ROOT, p + 2, p, true);
        }
    }

    /**
     * Walks from {@code pos}; {@code afterArticle}: the text has ال right before {@code pos}, which matches the
     * article of names written with one, or is an article the text added to a name written without.
     */
    private void walk(char[] t, int n, int from, int pos, int spanStart, boolean afterArticle) {
        CharTrie tr = trie;
        int node = from;
        int p = pos;
        while (true) {
            // Letters that no key uses (punctuation, spaces, other scripts) end the walk at once; only then is it
            // worth asking whether the word ended here or the name did not match.
            while (p < n) {
                char c = t[p];
                int a = tr.position(c);
                if (a == 0 || c == ' ') {
                    break;
                }
                node = tr.child(node, c, a);
                if (node < 0) {
                    return;
                }
                p++;
            }
            if (p < n && Tokenizer.isWordChar(t[p])) {
                return;
            }
            int v = tr.value(node);
            if (v >= 0) {
                if (afterArticle) {
                    int withArticle = index.articleKey[v];
                    if (withArticle >= 0 && (probe != null || index.keyScanned[withArticle])) {
                        terminal(withArticle, spanStart, p, false);
                    }
                }
                int bare = index.bareKey[v];
                if (bare >= 0 && (probe != null || index.keyScanned[bare])) {
                    terminal(bare, spanStart, p, afterArticle);
                }
            }
            int separator = tr.separatorChild(node);
            if (separator < 0) {
                return;
            }
            int next = nextWordStart(t, n, p);
            if (next < 0) {
                return;
            }
            node = separator;
            p = next;
        }
    }

    /**
     * The start of the word after the gap at {@code p}, or -1 when the gap holds a line break or a sentence end
     * (. ! ? ; followed by a space) or the text ends: names and phrases do not run across those.
     */
    private static int nextWordStart(char[] t, int n, int p) {
        boolean space = false;
        boolean stop = false;
        int q = p;
        while (q < n && !Tokenizer.isWordChar(t[q])) {
            char c = t[q];
            if (c == '\n') {
                return -1;
            }
            if (c == ' ') {
                space = true;
            } else if (c == '.' || c == '!' || c == '?' || c == ';') {
                stop = true;
            }
            q++;
        }
        return q >= n || stop && space ? -1 : q;
    }

    private void terminal(int k, int spanStart, int matchEnd, boolean articleStripped) {
        if (probe != null) {
            int id = index.keyWordCue[k];
            if (id >= 0 && (probeEnd < 0 || probeEnd == matchEnd) && contains(probe, id)) {
                probeHit = true;
            }
            return;
        }
        int cue = index.keyDocCue[k];
        if (cue >= 0 && !cueSeen[cue]) {
            cueSeen[cue] = true;
            if (seenCount == seen.length) {
                seen = Arrays.copyOf(seen, seenCount * 2);
            }
            seen[seenCount++] = cue;
        }
        if (!nameAllowed || !index.keyIsName[k] || articleStripped && !index.keyArticleOk[k]) {
            return;
        }
        if (matchEnd < bestEnd || matchEnd == bestEnd && spanStart >= bestSpan) {
            return;
        }
        if (index.keyCaseSensitive[k] && !upperCaseInOriginal(buffers[currentField], spanStart, matchEnd)) {
            return;
        }
        bestKey = k;
        bestEnd = matchEnd;
        bestSpan = spanStart;
    }

    /** Acronyms (US, UN) count only when written in capitals: "us" and "un" are words too. */
    private static boolean upperCaseInOriginal(NormalizedBuffer buf, int from, int to) {
        String original = buf.original();
        int s = buf.originalStart(from);
        int e = buf.originalEnd(to);
        for (int i = s; i < e; i++) {
            if (Character.isLowerCase(original.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void addCandidate(int f, int tokStart) {
        if (count == key.length) {
            int size = count * 2;
            key = Arrays.copyOf(key, size);
            field = Arrays.copyOf(field, size);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            wordStart = Arrays.copyOf(wordStart, size);
            assigned = Arrays.copyOf(assigned, size);
        }
        key[count] = bestKey;
        field[count] = f;
        start[count] = bestSpan;
        end[count] = bestEnd;
        wordStart[count] = tokStart;
        count++;
    }

    // ---------------------------------------------------------------- decisions

    private void resolve() {
        boolean pending = false;
        for (int c = 0; c < count; c++) {
            int k = key[c];
            if (index.keyDirect[k]) {
                assigned[c] = index.keyEntities[k][0];
                firm.add(c);
                markPresent(assigned[c]);
            } else {
                assigned[c] = PENDING;
                pending = true;
            }
        }
        // An ambiguous mention decided in one pass is evidence (a co-mention) for the others in the next:
        // "حكومة الوحدة الوطنية ... الدبيبة" settle each other. A few passes reach the fixed point.
        for (int pass = 0; pending && pass < MAX_PASSES; pass++) {
            pending = false;
            boolean changed = false;
            for (int c = 0; c < count; c++) {
                if (assigned[c] == PENDING) {
                    int decision = decide(c);
                    if (decision == DROPPED) {
                        pending = true;
                    } else {
                        assigned[c] = decision;
                        changed = true;
                        if (decision >= 0) {
                            markPresent(decision);
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int c = 0; c < count; c++) {
            if (assigned[c] == PENDING) {
                assigned[c] = DROPPED;
            }
        }
    }

    /**
     * Decides an ambiguous candidate: (1) drop entities vetoed by the next or previous word; (2) the entity
     * named unambiguously nearest before it (else nearest after) in the article; (3) drop entities whose
     * 'against' cues occur; (4) the entity with most supporting cues and co-mentioned entities; (5) every
     * entity for which the name is unambiguous or whose rule says keep.
     */
    private int decide(int c) {
        int k = key[c];
        int[] candidates = index.keyEntities[k];
        boolean[] alive = new boolean[candidates.length];
        boolean any = false;
        for (int j = 0; j < candidates.length; j++) {
            NameIndex.CompiledContext ctx = index.contexts[candidates[j]];
            alive[j] = !(ctx.notFollowedBy().length > 0 && followedBy(c, ctx.notFollowedBy()))
                    && !(ctx.notPrecededBy().length > 0 && precededBy(c, ctx.notPrecededBy()));
            any |= alive[j];
        }
        if (!any) {
            return DROPPED;
        }
        int nearest = nearestFirmMention(c, candidates, alive);
        if (nearest >= 0) {
            return nearest;
        }
        for (int j = 0; j < candidates.length; j++) {
            if (alive[j] && countSeen(index.contexts[candidates[j]].against()) > 0) {
                alive[j] = false;
            }
        }
        int best = DROPPED;
        int bestScore = 0;
        for (int j = 0; j < candidates.length; j++) {
            if (!alive[j]) {
                continue;
            }
            NameIndex.CompiledContext ctx = index.contexts[candidates[j]];
            int score = countSeen(ctx.cues()) + countPresent(ctx.coMentions());
            if (score > bestScore) {
                bestScore = score;
                best = candidates[j];
            }
        }
        if (best >= 0) {
            return best;
        }
        int kept = DROPPED;
        for (int j = 0; j < candidates.length; j++) {
            if (alive[j] && (index.keyFirm[k][j] || index.contexts[candidates[j]].keep())) {
                if (kept == DROPPED) {
                    kept = candidates[j];
                } else {
                    if (kept != SEVERAL) {
                        extraCandidate.add(c);
                        extraEntity.add(kept);
                        markPresent(kept);
                        kept = SEVERAL;
                    }
                    extraCandidate.add(c);
                    extraEntity.add(candidates[j]);
                    markPresent(candidates[j]);
                }
            }
        }
        return kept;
    }

    private int nearestFirmMention(int c, int[] candidates, boolean[] alive) {
        // Mark the live candidate entities so each firm mention is checked with one array read.
        if (aliveStamp.length < index.entities.length || aliveMark == Integer.MAX_VALUE) {
            aliveStamp = new int[Math.max(aliveStamp.length, index.entities.length)];
            aliveMark = 0;
        }
        aliveMark++;
        for (int j = 0; j < candidates.length; j++) {
            if (alive[j]) {
                aliveStamp[candidates[j]] = aliveMark;
            }
        }
        long position = position(c);
        int before = -1;
        long beforeDistance = Long.MAX_VALUE;
        int after = -1;
        long afterDistance = Long.MAX_VALUE;
        for (int i = 0; i < firm.size(); i++) {
            int f = firm.get(i);
            int e = assigned[f];
            if (aliveStamp[e] != aliveMark) {
                continue;
            }
            long d = position - position(f);
            if (d > 0 && d < beforeDistance) {
                beforeDistance = d;
                before = e;
            } else if (d < 0 && -d < afterDistance) {
                afterDistance = -d;
                after = e;
            }
        }
        return before >= 0 ? before : after;
    }

    /** Title positions come before text positions. */
    private long position(int c) {
        return field[c] == TITLE ? start[c] : (long) buffers[TITLE].length() + 1 + start[c];
    }

    private int countSeen(int[] cueIds) {
        int n = 0;
        for (int id : cueIds) {
            if (cueSeen[id]) {
                n++;
            }
        }
        return n;
    }

    /** How many of these entities the article names: unambiguously, or through a mention already decided. */
    private int countPresent(int[] entityIds) {
        int n = 0;
        for (int e : entityIds) {
            if (presentStamp[e] == generation) {
                n++;
            }
        }
        return n;
    }

    /** Output slot per entity, valid for the current article (stamped, so never cleared). */
    int[] slotsFor(int entities) {
        if (slotStamp.length < entities) {
            slotStamp = new int[entities];
            slotValue = new int[entities];
        }
        return slotValue;
    }

    int slot(int[] slots, int entity) {
        return slotStamp[entity] == generation ? slots[entity] : -1;
    }

    void assignSlot(int[] slots, int entity, int slot) {
        slotStamp[entity] = generation;
        slots[entity] = slot;
    }

    private void markPresent(int entity) {
        presentStamp[entity] = generation;
    }

    private boolean followedBy(int c, int[] cueIds) {
        NormalizedBuffer buf = buffers[field[c]];
        char[] t = buf.chars();
        int n = buf.length();
        int next = nextWordStart(t, n, end[c]);
        if (next < 0) {
            return false;
        }
        return probe(t, n, next, -1, cueIds);
    }

    private boolean precededBy(int c, int[] cueIds) {
        NormalizedBuffer buf = buffers[field[c]];
        char[] t = buf.chars();
        int n = buf.length();
        int q = wordStart[c] - 1;
        boolean space = false;
        boolean stop = false;
        while (q >= 0 && !Tokenizer.isWordChar(t[q])) {
            char ch = t[q];
            if (ch == '\n') {
                return false;
            }
            space |= ch == ' ';
            stop |= ch == '.' || ch == '!' || ch == '?' || ch == ';';
            q--;
        }
        if (q < 0 || stop && space) {
            return false;
        }
        int previousEnd = q + 1;
        int wordFrom = q;
        for (int words = 0; words < index.maxPrecedingWords && wordFrom >= 0; words++) {
            while (wordFrom > 0 && Tokenizer.isWordChar(t[wordFrom - 1])) {
                wordFrom--;
            }
            if (probe(t, n, wordFrom, previousEnd, cueIds)) {
                return true;
            }
            wordFrom--;
            while (wordFrom >= 0 && !Tokenizer.isWordChar(t[wordFrom])) {
                wordFrom--;
            }
        }
        return false;
    }

    private boolean probe(char[] t, int n, int wordFrom, int mustEndAt, int[] cueIds) {
        int tokEnd = wordFrom + 1;
        while (tokEnd < n && Tokenizer.isWordChar(t[tokEnd])) {
            tokEnd++;
        }
        int savedField = currentField;
        probe = cueIds;
        probeEnd = mustEndAt;
        probeHit = false;
        try {
            matchAt(t, n, wordFrom, tokEnd);
            return probeHit;
        } finally {
            probe = null;
            currentField = savedField;
        }
    }

    private static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
