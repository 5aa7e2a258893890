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
        Map<Integer, List<Span>> spans = new LinkedHashMap<>();
        for (int c = 0; c < scan.count; c++) {
            int entity = scan.assigned[c];
            if (entity >= 0) {
                spans.computeIfAbsent(entity, e -> new ArrayList<>()).add(span(scan, c));
            } else if (entity != DocumentScan.DROPPED) {
                // A name shared by several entities with nothing to choose between them counts for each.
                for (int i = 0; i < scan.extraCandidate.size(); i++) {
                    if (scan.extraCandidate.get(i) == c) {
                        spans.computeIfAbsent(scan.extraEntity.get(i), e -> new ArrayList<>()).add(span(scan, c));
                    }
                }
            }
        }
        List<EntityMention> out = new ArrayList<>(spans.size());
        for (Map.Entry<Integer, List<Span>> e : spans.entrySet()) {
            GazetteerEntity entity = index.entities[e.getKey()];
            List<Span> list = e.getValue();
            boolean inTitle = list.get(0).field().equals(Span.TITLE);
            Span first = list.stream().filter(s -> s.field().equals(Span.TEXT)).findFirst().orElse(list.get(0));
            String snippet = Snippets.around(first.field().equals(Span.TEXT) ? text : title, first.start(), first.end());
            out.add(new EntityMention(entity.id(), entity.type(), entity.displayName(), list.size(), inTitle, list,
                    snippet));
        }
        return out;
    }

    private static Span span(DocumentScan scan, int c) {
        NormalizedBuffer buf = scan.buffers[scan.field[c]];
        int s = buf.originalStart(scan.start[c]);
        int e = Math.max(s, buf.originalEnd(scan.end[c]));
        return new Span(scan.field[c] == DocumentScan.TITLE ? Span.TITLE : Span.TEXT, s, e);
    }
}
