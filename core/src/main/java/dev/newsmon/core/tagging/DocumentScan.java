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
    // The longest name of a user's own entity at this word, found even inside a longer built-in name.
    private int userKey;
    private int userEnd;
    private int userSpan;
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
            userKey = -1;
            userEnd = -1;
            userSpan = Integer.MAX_VALUE;
            matchAt(t, n, i, tokEnd);
            if (bestKey >= 0) {
                addCandidate(f, i, bestKey, bestSpan, bestEnd, PENDING);
                lastNameEnd = bestEnd;
            }
            if (userKey >= 0 && userKey != bestKey) {
                // A tracked entity's name inside a longer built-in name (براك الشاطئ in قاعدة براك الشاطئ
                // الجوية) is reported too: the user asked for it.
                int entity = index.userEntityOf(userKey, bestKey);
                if (entity >= 0) {
                    addCandidate(f, i, userKey, userSpan, userEnd, entity);
                }
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
            int next = nextWordStart(buffers[currentField], t, n, p);
            if (next < 0) {
                return;
            }
            node = separator;
            p = next;
        }
    }

    /**
     * The start of the word after the gap at {@code p}, or -1 when the gap holds a paragraph break (a blank line
     * in the original), a sentence end (. ! ? ; followed by a space or line break) or the text ends: names and
     * phrases do not run across those. A single line break is a wrapped line: "Khalifa\nHaftar" is one name.
     */
    private static int nextWordStart(NormalizedBuffer buf, char[] t, int n, int p) {
        boolean space = false;
        boolean stop = false;
        boolean lineBreak = false;
        int q = p;
        while (q < n && !Tokenizer.isWordChar(t[q])) {
            char c = t[q];
            if (c == '\n') {
                lineBreak = true;
                space = true;
            } else if (c == ' ') {
                space = true;
            } else if (c == '.' || c == '!' || c == '?' || c == ';') {
                stop = true;
            }
            q++;
        }
        if (q >= n || stop && space || lineBreak && paragraphBreak(buf, p, q)) {
            return -1;
        }
        return q;
    }

    /** Whether the original text between normalized positions {@code from} and {@code to} holds a blank line. */
    private static boolean paragraphBreak(NormalizedBuffer buf, int from, int to) {
        String original = buf.original();
        int end = Math.min(original.length(), buf.originalStart(to));
        int breaks = 0;
        for (int o = buf.originalStart(from); o < end; o++) {
            char c = original.charAt(o);
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || c == '\r' && (o + 1 >= original.length() || original.charAt(o + 1) != '\n')) {
                if (++breaks > 1 || c == '\u2029') {
                    return true;
                }
            }
        }
        return false;
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
        if (!index.keyIsName[k] || articleStripped && !index.keyArticleOk[k]) {
            return;
        }
        boolean longer = nameAllowed && (matchEnd > bestEnd || matchEnd == bestEnd && spanStart < bestSpan);
        boolean longerForUser = index.keyUser[k] && (matchEnd > userEnd || matchEnd == userEnd && spanStart < userSpan);
        if (!longer && !longerForUser) {
            return;
        }
        if (index.keyCaseSensitive[k] && !upperCaseInOriginal(buffers[currentField], spanStart, matchEnd)
                || index.keyCapitalized[k] && !capitalInOriginal(buffers[currentField], spanStart)) {
            return;
        }
        if (longerForUser) {
            userKey = k;
            userEnd = matchEnd;
            userSpan = spanStart;
        }
        if (!longer) {
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

    /** An ambiguous Latin name (Turkey, Poutine) counts only when the text writes it with a capital. */
    private static boolean capitalInOriginal(NormalizedBuffer buf, int from) {
        String original = buf.original();
        int s = buf.originalStart(from);
        return s < original.length() && Character.isUpperCase(original.charAt(s));
    }

    /**
     * A candidate for key {@code k} at [spanStart, spanEnd); {@code entity}: the entity it is already decided for
     * (a tracked entity's name inside a longer name), or {@link #PENDING}.
     */
    private void addCandidate(int f, int tokStart, int k, int spanStart, int spanEnd, int entity) {
        if (count == key.length) {
            int size = count * 2;
            key = Arrays.copyOf(key, size);
            field = Arrays.copyOf(field, size);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            wordStart = Arrays.copyOf(wordStart, size);
            assigned = Arrays.copyOf(assigned, size);
        }
        key[count] = k;
        field[count] = f;
        start[count] = spanStart;
        end[count] = spanEnd;
        wordStart[count] = tokStart;
        assigned[count] = entity;
        count++;
    }

    // ---------------------------------------------------------------- decisions

    private void resolve() {
        boolean pending = false;
        for (int c = 0; c < count; c++) {
            int k = key[c];
            if (assigned[c] >= 0) {
                firm.add(c);
                markPresent(assigned[c]);
            } else if (index.keyDirect[k]) {
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
                    && !(ctx.notPrecededBy().length > 0 && precededBy(c, ctx.notPrecededBy()))
                    && !(ctx.notPredicateBefore().length > 0 && predicate(c, ctx.notPredicateBefore()))
                    && !contradictsVocalization(c, ctx.vocalized());
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
            NameIndex.CompiledContext ctx = index.contexts[candidates[j]];
            if (alive[j] && (index.keyFirm[k][j] || (field[c] == TITLE ? ctx.keepInTitle() : ctx.keep()))) {
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
        int next = nextWordStart(buf, t, n, end[c]);
        if (next < 0) {
            return false;
        }
        return probe(field[c], t, n, next, -1, cueIds);
    }

    /**
     * The mention is the predicate of a nominal sentence: written without proclitic right after a definite noun
     * that is not feminine (ال... not ending in ة), with one space between, and followed by one of the words
     * (الصندوق مصر على رفع الدعم: "the Fund is insistent on"). Egypt after a verb, a construct noun or a feminine
     * adjective (حصلت مصر على, قدرة مصر على, الشقيقة مصر) is not affected.
     */
    private boolean predicate(int c, int[] cueIds) {
        NormalizedBuffer buf = buffers[field[c]];
        char[] t = buf.chars();
        int w = wordStart[c];
        if (start[c] != w || w < 2 || t[w - 1] != ' ' || !Tokenizer.isWordChar(t[w - 2])) {
            return false;
        }
        int prevEnd = w - 1;
        int prevStart = prevEnd;
        while (prevStart > 0 && Tokenizer.isWordChar(t[prevStart - 1])) {
            prevStart--;
        }
        String original = buf.original();
        int lastLetter = buf.originalStart(prevEnd - 1);
        boolean definite = prevEnd - prevStart >= 4 && t[prevStart] == Clitics.ALEF && t[prevStart + 1] == Clitics.LAM;
        boolean feminine = lastLetter < original.length() && original.charAt(lastLetter) == '\u0629';
        return definite && !feminine && followedBy(c, cueIds);
    }

    private boolean contradictsVocalization(int c, Vocalization[] vocalized) {
        for (Vocalization v : vocalized) {
            if (v.contradictedBy(buffers[field[c]], start[c], end[c])) {
                return true;
            }
        }
        return false;
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
            if (ch == '\n' && paragraphBreak(buf, q, wordStart[c])) {
                return false;
            }
            space |= ch == ' ' || ch == '\n';
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
            if (probe(field[c], t, n, wordFrom, previousEnd, cueIds)) {
                return true;
            }
            wordFrom--;
            while (wordFrom >= 0 && !Tokenizer.isWordChar(t[wordFrom])) {
                wordFrom--;
            }
        }
        return false;
    }

    private boolean probe(int f, char[] t, int n, int wordFrom, int mustEndAt, int[] cueIds) {
        int tokEnd = wordFrom + 1;
        while (tokEnd < n && Tokenizer.isWordChar(t[tokEnd])) {
            tokEnd++;
        }
        int savedField = currentField;
        currentField = f;
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
