package dev.newsmon.topology;

import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.model.Rejection;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The sequencer hop's record format: a compact binary encoding of {@link SequencedItem} (varints and UTF-8 strings,
 * the dedup candidate in its own {@link DedupCandidate#encode()} form). JSON made this hop the largest serde cost of
 * the pipeline: an analyzed 5 KB article is a ~21 KB JSON object (entity offsets and snippets), and the single
 * sequenced task paid for reading it. Internal only (repartition topic and sequencer buffer); records written as
 * JSON by an earlier version are still read.
 */
public final class SequencedItemSerde implements Serde<SequencedItem> {

    static final int FORMAT = 1;
    private static final int REJECTION = 0;
    private static final int ARTICLE = 1;

    @Override
    public Serializer<SequencedItem> serializer() {
        return (topic, item) -> item == null ? null : encode(item);
    }

    @Override
    public Deserializer<SequencedItem> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(SequencedItem item) {
        Article a = item.analyzed() == null ? null : item.analyzed().article();
        WireWriter w = new WireWriter(a == null || a.text() == null ? 256 : a.text().length() * 3 + 1024);
        w.writeByte(FORMAT).writeString(item.run()).writeSigned(item.seq()).writeSigned(item.ingestedAtMs());
        if (a == null) {
            Rejection r = item.rejection();
            w.writeByte(REJECTION).writeString(r.reason()).writeString(r.id()).writeString(r.origin())
                    .writeString(r.raw()).writeString(r.code());
            return w.toByteArray();
        }
        w.writeByte(ARTICLE).writeString(a.id()).writeString(a.url()).writeString(a.canonicalUrl())
                .writeString(a.source()).writeString(a.title()).writeString(a.lang());
        writeInstant(w, a.publishedAt());
        w.writeString(a.publishedAtSource()).writeString(a.origin()).writeString(a.text()).writeString(a.contentHash());
        w.writeUnsigned(a.entities().size());
        for (EntityMention m : a.entities()) {
            w.writeString(m.id()).writeString(m.type().name()).writeString(m.name()).writeUnsigned(m.mentions())
                    .writeBoolean(m.inTitle());
            writeSnippet(w, m, a.title(), a.text());
            w.writeUnsigned(m.offsets().size());
            for (Span s : m.offsets()) {
                writeField(w, s.field());
                w.writeUnsigned(s.start()).writeUnsigned(s.end() - s.start());
            }
        }
        DedupCandidate c = item.analyzed().candidate();
        w.writeBytes(c == null ? null : c.encode());
        RecurringLineFilter.EdgeLines edges = item.edgeLines();
        if (edges == null) {
            w.writeUnsigned(0);
        } else {
            w.writeUnsigned(edges.keys().size() + 1L);
            for (int i = 0; i < edges.keys().size(); i++) {
                w.writeUnsigned(edges.lineIndexes()[i]).writeString(edges.keys().get(i));
            }
        }
        w.writeBytes(item.articleJson());
        return w.toByteArray();
    }

    static SequencedItem decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return Json.read(bytes, SequencedItem.class);
        }
        WireReader r = new WireReader(bytes, 0);
        int format = r.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown sequencer record format " + format);
        }
        String run = r.readString();
        long seq = r.readSigned();
        long ingestedAt = r.readSigned();
        int kind = r.readByte();
        if (kind == REJECTION) {
            Rejection rejection = new Rejection(r.readString(), r.readString(), r.readString(), r.readString(),
                    r.readString());
            return new SequencedItem(run, seq, null, rejection, ingestedAt);
        }
        if (kind != ARTICLE) {
            throw new IllegalArgumentException("unknown sequencer record kind " + kind);
        }
        String id = r.readString();
        String url = r.readString();
        String canonicalUrl = r.readString();
        String source = r.readString();
        String title = r.readString();
        String lang = r.readString();
        Instant publishedAt = readInstant(r);
        String publishedAtSource = r.readString();
        String origin = r.readString();
        String text = r.readString();
        String contentHash = r.readString();
        int entityCount = r.readCount();
        List<EntityMention> entities = new ArrayList<>(entityCount);
        for (int i = 0; i < entityCount; i++) {
            String entityId = r.readString();
            EntityType type = EntityType.valueOf(r.readString());
            String name = r.readString();
            int mentions = (int) r.readUnsigned();
            boolean inTitle = r.readBoolean();
            String snippet = readSnippet(r, title, text);
            int spanCount = r.readCount();
            List<Span> offsets = new ArrayList<>(spanCount);
            for (int s = 0; s < spanCount; s++) {
                String field = readField(r);
                int start = (int) r.readUnsigned();
                offsets.add(new Span(field, start, start + (int) r.readUnsigned()));
            }
            entities.add(new EntityMention(entityId, type, name, mentions, inTitle, offsets, snippet));
        }
        byte[] candidate = r.readBytes();
        RecurringLineFilter.EdgeLines edges = null;
        int edgeCount = r.readCount() - 1;
        if (edgeCount >= 0) {
            List<String> keys = new ArrayList<>(edgeCount);
            int[] indexes = new int[edgeCount];
            for (int i = 0; i < edgeCount; i++) {
                indexes[i] = r.readCount();
                keys.add(r.readString());
            }
            edges = new RecurringLineFilter.EdgeLines(keys, indexes);
        }
        // Records written before the output JSON was carried end here.
        byte[] json = r.hasRemaining() ? r.readBytes() : null;
        Article article = new Article(id, url, canonicalUrl, source, title, lang, publishedAt, publishedAtSource,
                origin, entities, text, contentHash);
        return new SequencedItem(run, seq, new AnalyzedArticle(article,
                candidate == null ? null : DedupCandidate.decode(candidate)), null, ingestedAt, edges, json);
    }

    private static final String CUT_BEFORE = "… ";
    private static final String CUT_AFTER = " …";
    private static final int LITERAL = 0;
    private static final int IN_TEXT = 1;
    private static final int IN_TITLE = 2;
    /** The snippet is the very substring (no white-space run was collapsed). */
    private static final int PLAIN = 16;
    /** How far before its mention a snippet can start (Snippets.CONTEXT_CHARS plus the cut to a word start). */
    private static final int LOOK_BACK = 100;

    /**
     * A snippet is a piece of the text or title around the entity's first mention, white-space runs shown as one
     * space, with "…" where it was cut: then only where it is (the snippets of a dense article are longer than the
     * article). Anything else is written as it is.
     */
    private static void writeSnippet(WireWriter w, EntityMention m, String title, String text) {
        String snippet = m.snippet();
        if (snippet != null && !snippet.isEmpty() && !m.offsets().isEmpty()) {
            boolean before = snippet.startsWith(CUT_BEFORE);
            boolean after = snippet.length() >= (before ? 4 : 2) && snippet.endsWith(CUT_AFTER);
            String core = snippet.substring(before ? 2 : 0, snippet.length() - (after ? 2 : 0));
            Span first = m.offsets().get(0);
            String in = Span.TEXT.equals(first.field()) ? text : Span.TITLE.equals(first.field()) ? title : null;
            if (in != null && !core.isEmpty()) {
                char head = core.charAt(0);
                for (int at = Math.min(first.start(), in.length() - 1); at >= Math.max(0, first.start() - LOOK_BACK);
                        at--) {
                    boolean wordStart = at == 0 || isSpace(in.charAt(at - 1));
                    int end = wordStart && in.charAt(at) == head ? collapsedMatch(in, at, core) : -1;
                    if (end >= 0) {
                        boolean plain = end - at == core.length();
                        w.writeByte((in == text ? IN_TEXT : IN_TITLE) | (before ? 4 : 0) | (after ? 8 : 0)
                                | (plain ? PLAIN : 0)).writeUnsigned(at).writeUnsigned(end - at);
                        return;
                    }
                }
            }
        }
        w.writeByte(LITERAL).writeString(snippet);
    }

    /**
     * Where {@code core} ends in {@code in} when it starts at {@code at} with every white-space run of {@code in}
     * shown as one space, else -1.
     */
    private static int collapsedMatch(String in, int at, String core) {
        int i = at;
        for (int j = 0; j < core.length(); j++) {
            char c = core.charAt(j);
            if (i >= in.length()) {
                return -1;
            }
            if (c == ' ') {
                if (!isSpace(in.charAt(i))) {
                    return -1;
                }
                while (i < in.length() && isSpace(in.charAt(i))) {
                    i++;
                }
            } else if (in.charAt(i) == c && !isSpace(c)) {
                i++;
            } else {
                return -1;
            }
        }
        return i;
    }

    private static String readSnippet(WireReader r, String title, String text) {
        int tag = r.readByte();
        int where = tag & 3;
        if (where == LITERAL) {
            return r.readString();
        }
        String in = where == IN_TEXT ? text : title;
        int at = r.readCount();
        int length = r.readCount();
        if (in == null || at + length > in.length()) {
            throw new IllegalArgumentException("snippet out of range");
        }
        String before = (tag & 4) != 0 ? CUT_BEFORE : "";
        String after = (tag & 8) != 0 ? CUT_AFTER : "";
        if ((tag & PLAIN) != 0) {
            return before + in.substring(at, at + length) + after;
        }
        StringBuilder b = new StringBuilder(length + 4).append(before);
        boolean space = false;
        for (int i = at; i < at + length; i++) {
            char c = in.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.append(after).toString();
    }

    /** White space as the snippets are cut: Character.isWhitespace or isSpaceChar, and NEL. */
    private static boolean isSpace(char c) {
        return c < SPACE.length && SPACE[c];
    }

    private static final boolean[] SPACE = new boolean[0x3001];

    static {
        for (char c = 0; c < SPACE.length; c++) {
            SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
        }
    }

    /** The two fields a span is in, as one byte; anything else as a string. */
    private static void writeField(WireWriter w, String field) {
        if (Span.TEXT.equals(field)) {
            w.writeByte(0);
        } else if (Span.TITLE.equals(field)) {
            w.writeByte(1);
        } else {
            w.writeByte(2).writeString(field);
        }
    }

    private static String readField(WireReader r) {
        return switch (r.readByte()) {
            case 0 -> Span.TEXT;
            case 1 -> Span.TITLE;
            case 2 -> r.readString();
            default -> throw new IllegalArgumentException("unknown span field");
        };
    }

    private static void writeInstant(WireWriter w, Instant t) {
        if (t == null) {
            w.writeBoolean(false);
            return;
        }
        w.writeBoolean(true).writeSigned(t.getEpochSecond()).writeUnsigned(t.getNano());
    }

    private static Instant readInstant(WireReader r) {
        if (!r.readBoolean()) {
            return null;
        }
        long seconds = r.readSigned();
        return Instant.ofEpochSecond(seconds, r.readUnsigned());
    }
}
