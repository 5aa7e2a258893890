package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.text.NormalizedBuffer;
import dev.newsmon.core.text.Snippets;
import java.util.ArrayList;
import java.util.Arrays;
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
        // Entities in order of first appearance (candidates are in document order, title first); first count
        // the spans of each, then fill exactly sized arrays.
        int[] slots = scan.slotsFor(index.entities.length);
        List<GazetteerEntity> entities = new ArrayList<>();
        int[] sizes = new int[scan.count + scan.extraEntity.size()];
        forEachAssignment(scan, (c, entity) -> {
            int slot = scan.slot(slots, entity);
            if (slot < 0) {
                slot = entities.size();
                scan.assignSlot(slots, entity, slot);
                entities.add(index.entities[entity]);
            }
            sizes[slot]++;
        });
        Span[][] spans = new Span[entities.size()][];
        int[] filled = new int[entities.size()];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new Span[sizes[i]];
        }
        forEachAssignment(scan, (c, entity) -> {
            int slot = scan.slot(slots, entity);
            spans[slot][filled[slot]++] = span(scan, c);
        });
        List<EntityMention> out = new ArrayList<>(entities.size());
        Snippets.Source titleSnippets = Snippets.of(scan.buffers[DocumentScan.TITLE]);
        Snippets.Source textSnippets = Snippets.of(scan.buffers[DocumentScan.TEXT]);
        for (int i = 0; i < spans.length; i++) {
            GazetteerEntity entity = entities.get(i);
            Span[] list = spans[i];
            Span first = list[0];
            boolean inTitle = first.field().equals(Span.TITLE);
            for (Span sp : list) {
                if (sp.field().equals(Span.TEXT)) {
                    first = sp;
                    break;
                }
            }
            String snippet = (first.field().equals(Span.TEXT) ? textSnippets : titleSnippets).around(first.start(), first.end());
            out.add(new EntityMention(entity.id(), entity.type(), entity.displayName(), list.length, inTitle,
                    Arrays.asList(list), snippet));
        }
        return out;
    }

    /** Calls {@code action} for every (candidate, entity) the scan decided, in document order. */
    private static void forEachAssignment(DocumentScan scan, Assignment action) {
        for (int c = 0; c < scan.count; c++) {
            int entity = scan.assigned[c];
            if (entity >= 0) {
                action.accept(c, entity);
            } else if (entity != DocumentScan.DROPPED) {
                // A name shared by several entities with nothing to choose between them counts for each.
                for (int i = 0; i < scan.extraCandidate.size(); i++) {
                    if (scan.extraCandidate.get(i) == c) {
                        action.accept(c, scan.extraEntity.get(i));
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface Assignment {
        void accept(int candidate, int entity);
    }

    private static Span span(DocumentScan scan, int c) {
        NormalizedBuffer buf = scan.buffers[scan.field[c]];
        int s = buf.originalStart(scan.start[c]);
        int e = Math.max(s, buf.originalEnd(scan.end[c]));
        return new Span(scan.field[c] == DocumentScan.TITLE ? Span.TITLE : Span.TEXT, s, e);
    }
}
