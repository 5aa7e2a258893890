package dev.newsmon.core.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gazetteer compiled for tagging: one trie over every key (names of all entities, and the cue phrases of the
 * context rules), and for each key what it means. Immutable and shared by all threads.
 */
final class NameIndex {

    final GazetteerEntity[] entities;
    final CharTrie trie;
    /** Per key: the entities it names (empty for a pure cue), in gazetteer order. */
    final int[][] keyEntities;
    /** Per key and entity: true when the key is one of the entity's unambiguous names. */
    final boolean[][] keyFirm;
    /** Per key: the key names exactly one entity, unambiguously: no context needed. */
    final boolean[] keyDirect;
    final boolean[] keyCaseSensitive;
    /** Per key: an ambiguous Latin name that counts only when written with a capital (Turkey, not turkey). */
    final boolean[] keyCapitalized;
    /** Per key: every entity it names accepts an ال written before it in the text. */
    final boolean[] keyArticleOk;
    /** Per key: its id as a document-level cue (context.cues / context.against), or -1. */
    final int[] keyDocCue;
    /** Per key: its id as a word cue (notFollowedBy / notPrecededBy), or -1. */
    final int[] keyWordCue;
    /** Per key: it is a firm name of an entity with watchlist names (a user's own entity). */
    final boolean[] keyUser;
    /** Per key: it names at least one entity (it may also, or only, be a cue). */
    final boolean[] keyIsName;
    /** Per key: the document scan has something to do with it (a name or a document-level cue). */
    final boolean[] keyScanned;
    final int cueCount;
    final CompiledContext[] contexts;
    /** The longest notPrecededBy phrase, in words. */
    final int maxPrecedingWords;
    private final String[] keyTexts;
    /** Per trie value: the key spelled exactly so, or -1. */
    final int[] bareKey;
    /** Per trie value: the key spelled so after an article ال (الكرملين for كرملين), or -1. */
    final int[] articleKey;

    /** An entity's context rules with phrases and entities replaced by ids. */
    record CompiledContext(int[] cues, int[] against, int[] coMentions, int[] notFollowedBy, int[] notPrecededBy,
            boolean keep, int[] notPredicateBefore, Vocalization[] vocalized, boolean keepInTitle) {
    }

    private NameIndex(Builder b, String[] keys) {
        this.entities = b.entities.toArray(new GazetteerEntity[0]);
        this.keyTexts = keys;
        int n = keys.length;
        keyEntities = new int[n][];
        keyFirm = new boolean[n][];
        keyDirect = new boolean[n];
        keyCaseSensitive = new boolean[n];
        keyCapitalized = new boolean[n];
        keyArticleOk = new boolean[n];
        keyDocCue = new int[n];
        keyWordCue = new int[n];
        keyIsName = new boolean[n];
        keyUser = new boolean[n];
        keyScanned = new boolean[n];
        for (int k = 0; k < n; k++) {
            KeyInfo info = b.keys.get(keys[k]);
            int m = info.entityCount;
            keyEntities[k] = new int[m];
            keyFirm[k] = new boolean[m];
            boolean articleOk = true;
            for (int j = 0; j < m; j++) {
                int e = info.entities[j];
                keyEntities[k][j] = e;
                keyFirm[k][j] = !info.ambiguousFor[j];
                articleOk &= entities[e].articleAllowed();
                keyUser[k] |= keyFirm[k][j] && entities[e].userDefined();
            }
            keyDirect[k] = m == 1 && keyFirm[k][0];
            keyCaseSensitive[k] = info.caseSensitive;
            keyCapitalized[k] = info.capitalized;
            keyArticleOk[k] = articleOk;
            keyDocCue[k] = info.docCue;
            keyWordCue[k] = info.wordCue;
            keyIsName[k] = info.isName;
            keyScanned[k] = info.isName || info.docCue >= 0;
        }
        this.cueCount = b.cueCount;
        this.contexts = b.contexts.toArray(new CompiledContext[0]);
        this.maxPrecedingWords = b.maxPrecedingWords;
        b.keys.clear(); // the per-key facts are in arrays now; let a large gazetteer's builder go before the trie
        // Keys are stored without the article of their first word (الكرملين as كرملين, marked), so that an Arabic
        // word with ال is walked once, from after its article, for names written with and without one.
        java.util.TreeMap<String, int[]> paths = new java.util.TreeMap<>();
        for (int k = 0; k < n; k++) {
            boolean article = hasFoldableArticle(keys[k]);
            int[] slot = paths.computeIfAbsent(article ? keys[k].substring(2) : keys[k], x -> new int[] {-1, -1});
            slot[article ? 1 : 0] = k;
        }
        this.bareKey = new int[paths.size()];
        this.articleKey = new int[paths.size()];
        int v = 0;
        for (int[] slot : paths.values()) {
            bareKey[v] = slot[0];
            articleKey[v] = slot[1];
            v++;
        }
        String[] pathKeys = paths.keySet().toArray(new String[0]);
        paths.clear();
        this.trie = CharTrie.build(pathKeys);
    }

    static NameIndex compile(Gazetteer gazetteer) {
        Builder b = new Builder();
        Map<String, Integer> entityIndex = new HashMap<>();
        for (GazetteerEntity e : gazetteer.entities()) {
            entityIndex.put(e.id(), b.entities.size());
            b.entities.add(e);
        }
        // Written names first, then generated variants, which never take a key another entity has written.
        List<NameCompiler.Key> compiled = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(); // per key: entity, 1 if ambiguous
        for (int i = 0; i < b.entities.size(); i++) {
            GazetteerEntity e = b.entities.get(i);
            boolean strict = !e.userDefined();
            boolean person = e.type() == dev.newsmon.core.model.EntityType.PERSON;
            for (String name : e.names()) {
                for (NameCompiler.Key key : NameCompiler.compile(name, e.titles(), strict, person)) {
                    compiled.add(key);
                    owners.add(new int[] {i, 0});
                }
            }
            for (String name : e.ambiguousNames()) {
                // A title before an ambiguous name settles it: "المشير حفتر" is firm, bare "حفتر" is not.
                for (NameCompiler.Key key : NameCompiler.compile(name, e.titles(), strict, person)) {
                    compiled.add(key);
                    owners.add(new int[] {i, key.titled() ? 0 : 1});
                }
            }
        }
        for (boolean generated : new boolean[] {false, true}) {
            for (int k = 0; k < compiled.size(); k++) {
                b.name(compiled.get(k), owners.get(k)[0], owners.get(k)[1] == 1, generated);
            }
        }
        for (GazetteerEntity e : b.entities) {
            b.contexts.add(b.context(e, entityIndex));
        }
        String[] keys = new TreeMap<>(b.keys).keySet().toArray(new String[0]);
        return new NameIndex(b, keys);
    }

    /**
     * Whether the key's first word is ال + at least {@link Clitics#MIN_STEM} letters: such keys are matched
     * from after the article, which is where the tagger starts for every Arabic word written with one.
     */
    static boolean hasFoldableArticle(String key) {
        if (key.length() < 2 + Clitics.MIN_STEM || key.charAt(0) != Clitics.ALEF || key.charAt(1) != Clitics.LAM) {
            return false;
        }
        int firstWordEnd = key.indexOf(' ');
        return (firstWordEnd < 0 ? key.length() : firstWordEnd) - 2 >= Clitics.MIN_STEM;
    }

    /**
     * The user's entity that key {@code userKey} names firmly and key {@code longerKey} (or -1) does not name,
     * or -1: the entity to report for a tracked name found inside a longer name.
     */
    int userEntityOf(int userKey, int longerKey) {
        int[] ids = keyEntities[userKey];
        for (int j = 0; j < ids.length; j++) {
            int e = ids[j];
            if (keyFirm[userKey][j] && entities[e].userDefined() && (longerKey < 0 || !names(longerKey, e))) {
                return e;
            }
        }
        return -1;
    }

    private boolean names(int k, int entity) {
        for (int e : keyEntities[k]) {
            if (e == entity) {
                return true;
            }
        }
        return false;
    }

    int keyCount() {
        return keyEntities.length;
    }

    String keyText(int k) {
        return keyTexts[k];
    }

    /** What the builder knows about one key; most keys name one entity, so no collections. */
    private static final class KeyInfo {
        int[] entities = new int[1];
        boolean[] ambiguousFor = new boolean[1];
        int entityCount;
        boolean caseSensitive = true;
        boolean capitalized;
        /** A gazetteer or watchlist wrote this spelling (not only a generated variant). */
        boolean written;
        boolean isName;
        int docCue = -1;
        int wordCue = -1;

        int indexOf(int entity) {
            for (int i = 0; i < entityCount; i++) {
                if (entities[i] == entity) {
                    return i;
                }
            }
            return -1;
        }

        void add(int entity, boolean ambiguous) {
            if (entityCount == entities.length) {
                entities = java.util.Arrays.copyOf(entities, entityCount * 2);
                ambiguousFor = java.util.Arrays.copyOf(ambiguousFor, entityCount * 2);
            }
            entities[entityCount] = entity;
            ambiguousFor[entityCount] = ambiguous;
            entityCount++;
        }
    }

    private static final class Builder {
        final List<GazetteerEntity> entities = new ArrayList<>();
        final Map<String, KeyInfo> keys = new HashMap<>();
        int cueCount;
        final List<CompiledContext> contexts = new ArrayList<>();
        int maxPrecedingWords;

        /** Adds the key in the pass for its kind: written keys first, then generated ones. */
        void name(NameCompiler.Key key, int entity, boolean ambiguous, boolean generatedPass) {
            if (key.generated() != generatedPass) {
                return;
            }
            KeyInfo info = keys.get(key.text());
            if (key.generated() && info != null && info.written && info.indexOf(entity) < 0) {
                return; // another entity's written name: a generated variant never makes it ambiguous
            }
            if (info == null) {
                info = new KeyInfo();
                keys.put(key.text(), info);
            }
            info.written |= !key.generated();
            if (ambiguous && key.capitalized()) {
                info.capitalized = true;
            }
            int at = info.indexOf(entity);
            if (at < 0) {
                info.add(entity, ambiguous);
            } else if (ambiguous) {
                // The same spelling listed both ways: ambiguous wins, the context rules exist for a reason.
                info.ambiguousFor[at] = true;
            }
            if (!info.isName) {
                info.caseSensitive = key.caseSensitive();
            } else {
                info.caseSensitive &= key.caseSensitive();
            }
            info.isName = true;
        }

        CompiledContext context(GazetteerEntity e, Map<String, Integer> entityIndex) {
            EntityContext c = e.context();
            boolean strict = !e.userDefined();
            int[] coMentions = c.coMentions().stream().mapToInt(id -> {
                Integer idx = entityIndex.get(id);
                if (idx == null) {
                    throw new IllegalArgumentException("entity '" + e.id() + "': unknown coMention '" + id + "'");
                }
                return idx;
            }).toArray();
            int[] preceding = wordCues(c.notPrecededBy(), strict);
            for (String phrase : c.notPrecededBy()) {
                for (String key : NameCompiler.plainKeys(phrase, strict)) {
                    maxPrecedingWords = Math.max(maxPrecedingWords, key.split(" ").length);
                }
            }
            Vocalization[] vocalized = c.vocalized().stream().map(Vocalization::parse)
                    .filter(java.util.Objects::nonNull).toArray(Vocalization[]::new);
            return new CompiledContext(docCues(c.cues(), strict), docCues(c.against(), strict), coMentions,
                    wordCues(c.notFollowedBy(), strict), preceding, c.otherwise() == EntityContext.Otherwise.KEEP,
                    wordCues(c.notPredicateBefore(), strict), vocalized, c.inTitle() == EntityContext.Otherwise.KEEP);
        }

        private int[] docCues(List<String> phrases, boolean strict) {
            return cues(phrases, strict, true);
        }

        private int[] wordCues(List<String> phrases, boolean strict) {
            return cues(phrases, strict, false);
        }

        /** Every spelling of every phrase is one cue id (its key's); an entity's cue set is their union. */
        private int[] cues(List<String> phrases, boolean strict, boolean documentLevel) {
            java.util.LinkedHashSet<Integer> ids = new java.util.LinkedHashSet<>();
            for (String phrase : phrases) {
                for (String key : NameCompiler.plainKeys(phrase, strict)) {
                    KeyInfo info = keys.computeIfAbsent(key, k -> new KeyInfo());
                    if (documentLevel) {
                        if (info.docCue < 0) {
                            info.docCue = cueCount++;
                        }
                        ids.add(info.docCue);
                    } else {
                        if (info.wordCue < 0) {
                            info.wordCue = cueCount++;
                        }
                        ids.add(info.wordCue);
                    }
                }
            }
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
