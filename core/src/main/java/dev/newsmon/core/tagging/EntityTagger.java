package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.text.NormalizedBuffer;
import dev.newsmon.core.text.Snippets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds gazetteer entities in an article's title and text (docs/GAZETTEER.md describes the matching).
 *
 * <p>Names and text are normalized alike ({@link dev.newsmon.core.text.TextNormalizer}); a name matches whole
 * words only, after the Arabic proclitics و ف ب ك ل ال لل; ambiguous names are decided per article by the
 * context rules of the gazetteer. Offsets and snippets refer to the original title and text.
 *
 * <p>Building a tagger compiles the gazetteer into one trie (milliseconds for the built-in gazetteer, so a
 * tagger per watchlist version is cheap). {@link #tag} is thread-safe and allocates only its result: each
 * thread reuses its own work area.
 */
public final class EntityTagger {

    private static final Logger LOG = LoggerFactory.getLogger(EntityTagger.class);
    private static final ThreadLocal<DocumentScan> SCANS = ThreadLocal.withInitial(DocumentScan::new);
    private static volatile EntityTagger builtIn;

    private final Gazetteer gazetteer;
    private final NameIndex index;

    public EntityTagger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.index = NameIndex.compile(gazetteer);
    }

    /** A tagger over the bundled gazetteer (built once). */
    public static EntityTagger builtIn() {
        EntityTagger t = builtIn;
        if (t == null) {
            synchronized (EntityTagger.class) {
                t = builtIn;
                if (t == null) {
                    t = new EntityTagger(Gazetteer.builtIn());
                    builtIn = t;
                }
            }
        }
        return t;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Number of distinct lookup keys (names, variants, cue phrases) the gazetteer compiled to. */
    public int keyCount() {
        return index.keyCount();
    }

    /**
     * For diagnostics and benchmarks: every name key (normalized words joined by one space, all variants
     * expanded) and the ids of the entities it can name, in key order. Cue phrases are not included.
     */
    public Map<String, List<String>> nameKeys() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int k = 0; k < index.keyCount(); k++) {
            if (index.keyIsName[k]) {
                List<String> ids = new ArrayList<>(index.keyEntities[k].length);
                for (int e : index.keyEntities[k]) {
                    ids.add(index.entities[e].id());
                }
                out.put(index.keyText(k), List.copyOf(ids));
            }
        }
        return out;
    }

    /**
     * Entities in order of first appearance (title before text); null title or text read as empty. Never
     * throws: a failure is logged and gives an empty list.
     */
    public List<EntityMention> tag(String title, String text) {
        String t = title == null ? "" : title;
        String x = text == null ? "" : text;
        DocumentScan scan = SCANS.get();
        try {
            scan.run(index, t, x);
            return mentions(scan, t, x);
        } catch (RuntimeException e) {
            LOG.warn("Tagging failed for an article titled \"{}\"; no entities reported", Snippets.around(t, 0, 0), e);
            SCANS.remove();
            return List.of();
        }
    }

    private List<EntityMention> mentions(DocumentScan scan, String title, String text) {
        if (scan.count == 0) {
            return List.of();
        }
        // Entities in order of first appearance; candidates are already in document order (title first).
        List<List<Span>> spans = new ArrayList<>();
        List<GazetteerEntity> entities = new ArrayList<>();
        int[] slots = scan.slotsFor(index.entities.length);
        for (int c = 0; c < scan.count; c++) {
            int entity = scan.assigned[c];
            if (entity >= 0) {
                addSpan(scan, slots, spans, entities, entity, c);
            } else if (entity != DocumentScan.DROPPED) {
                // A name shared by several entities with nothing to choose between them counts for each.
                for (int i = 0; i < scan.extraCandidate.size(); i++) {
                    if (scan.extraCandidate.get(i) == c) {
                        addSpan(scan, slots, spans, entities, scan.extraEntity.get(i), c);
                    }
                }
            }
        }
        List<EntityMention> out = new ArrayList<>(entities.size());
        Snippets.Source titleSnippets = Snippets.of(scan.buffers[DocumentScan.TITLE]);
        Snippets.Source textSnippets = Snippets.of(scan.buffers[DocumentScan.TEXT]);
        for (int i = 0; i < entities.size(); i++) {
            GazetteerEntity entity = entities.get(i);
            List<Span> list = spans.get(i);
            Span first = list.get(0);
            boolean inTitle = first.field().equals(Span.TITLE);
            for (Span sp : list) {
                if (sp.field().equals(Span.TEXT)) {
                    first = sp;
                    break;
                }
            }
            String snippet = (first.field().equals(Span.TEXT) ? textSnippets : titleSnippets).around(first.start(), first.end());
            out.add(new EntityMention(entity.id(), entity.type(), entity.displayName(), list.size(), inTitle, list,
                    snippet));
        }
        return out;
    }

    private void addSpan(DocumentScan scan, int[] slots, List<List<Span>> spans, List<GazetteerEntity> entities,
            int entity, int c) {
        int slot = scan.slot(slots, entity);
        if (slot < 0) {
            slot = entities.size();
            scan.assignSlot(slots, entity, slot);
            entities.add(index.entities[entity]);
            spans.add(new ArrayList<>(4));
        }
        spans.get(slot).add(span(scan, c));
    }

    private static Span span(DocumentScan scan, int c) {
        NormalizedBuffer buf = scan.buffers[scan.field[c]];
        int s = buf.originalStart(scan.start[c]);
        int e = Math.max(s, buf.originalEnd(scan.end[c]));
        return new Span(scan.field[c] == DocumentScan.TITLE ? Span.TITLE : Span.TEXT, s, e);
    }
}
