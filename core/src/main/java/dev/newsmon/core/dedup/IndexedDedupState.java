package dev.newsmon.core.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dedup state as one durable record per decision and a derived index in memory.
 *
 * <p>Durable: a {@link DedupJournal} record per unique article (its {@link StoredArticle}, the hashes of its
 * canonical URL and main text, its LSH bucket keys) and one per duplicate that leaves aliases (its id, URL and
 * content hashes and the original they point to), under slot numbers that only grow. Every record is stamped with
 * "now" (the newest event time seen) when it is written, so stamps grow with slots and slots expire oldest first:
 * expiry is a moving boundary, and the journal deletes records from its head.
 *
 * <p>Derived, in memory and never logged: the id, URL and content aliases ({@link SlotMap}), the 18 LSH bands'
 * buckets ({@link BandTable}), and per slot its reference, stamp, shingle count and a 2-bit-per-bin summary of its
 * signature (64 bytes). The summary bounds the Jaccard estimate from above, so the engine can skip a candidate that
 * cannot be a near duplicate without reading its record ({@link #nearBound}). The index is rebuilt from the journal
 * by {@link #rebuild()} (after a restore), replaying the records in slot order.
 *
 * <p>It answers the engine's string keys ({@link StateKeys}) with what the key-value layout would have returned:
 * a bucket holds the newest {@link DedupConfig#bucketCap()} live members, an alias is visible while the slot that
 * wrote it is, an article record while its own slot is.
 */
public final class IndexedDedupState implements DedupState {

    private static final byte VERSION = 1;
    private static final byte UNIQUE = 'U';
    private static final byte ALIASES = 'D';
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SUMMARY_LONGS = TextSketch.SIGNATURE_BINS * 2 / 64;
    private static final int BANDS = DedupEngine.BANDS + DedupEngine.LEAD_BANDS;
    /** Expired records deleted from the journal's head per decision: spreads the deletes, bounds the work. */
    private static final int DELETES_PER_DECISION = 4;

    private final DedupJournal journal;
    private final long horizonMs;
    private final int bucketCap;
    private long now = Long.MIN_VALUE;

    /** Oldest slot still in the journal, and the next slot to write. */
    private long firstSlot;
    private long nextSlot;
    private final List<Chunk> chunks = new ArrayList<>();
    private long firstChunk;

    private final SlotLiveness liveness = new SlotLiveness() {
        @Override
        public boolean live(int slotLow) {
            return isLive(full(slotLow));
        }

        @Override
        public long full(int slotLow) {
            return nextSlot - (((int) nextSlot - slotLow) & 0xFFFFFFFFL);
        }
    };
    private final SlotMap articles = new SlotMap(liveness);
    private final SlotMap idAliases = new SlotMap(liveness);
    private final SlotMap urls = new SlotMap(liveness);
    private final SlotMap contents = new SlotMap(liveness);
    private final BandTable[] bands = new BandTable[BANDS];
    private final long[] scratch;
    /** The summary of the last signature asked about: one lookup asks about many candidates. */
    private byte[] summarized;
    private long[] summaryOfSummarized;

    /** The writes of the decision in progress, turned into one journal record by {@link #flush()}. */
    private final Pending pending = new Pending();

    private static final class Chunk {
        final long[] refs = new long[CHUNK];
        final long[] stamps = new long[CHUNK];
        final int[] shingles = new int[CHUNK];
        final long[] summaries = new long[CHUNK * SUMMARY_LONGS];
    }

    private static final class Pending {
        StoredArticleBytes article;
        long articleRef;
        long target;
        boolean hasTarget;
        long idAlias;
        boolean hasIdAlias;
        long url;
        boolean hasUrl;
        long content;
        boolean hasContent;
        final long[] bandHashes = new long[BANDS];
        final boolean[] hasBand = new boolean[BANDS];
        int bandCount;

        boolean isEmpty() {
            return article == null && !hasIdAlias && !hasUrl && !hasContent && bandCount == 0;
        }

        void clear() {
            article = null;
            hasTarget = hasIdAlias = hasUrl = hasContent = false;
            Arrays.fill(hasBand, false);
            bandCount = 0;
        }
    }

    private record StoredArticleBytes(byte[] bytes) {
    }

    public IndexedDedupState(DedupJournal journal, long horizonMs) {
        this(journal, horizonMs, DedupConfig.defaults().bucketCap());
    }

    public IndexedDedupState(DedupJournal journal, long horizonMs, int bucketCap) {
        this.journal = journal;
        this.horizonMs = horizonMs;
        this.bucketCap = bucketCap;
        this.scratch = new long[Math.max(bucketCap, 1)];
        for (int b = 0; b < BANDS; b++) {
            bands[b] = new BandTable(liveness);
        }
    }

    /** The newest event time seen ("now" of the horizon); MIN_VALUE before the first. */
    public long now() {
        return now;
    }

    /** Moves "now" forward to {@code eventTimeMs} (never back); true when it moved. */
    public boolean advanceTo(long eventTimeMs) {
        if (eventTimeMs <= now) {
            return false;
        }
        now = eventTimeMs;
        return true;
    }

    /** Rebuilds the index from the journal (call once, on an empty index, before the first decision). */
    public void rebuild() {
        boolean[] first = {true};
        journal.forEach((slot, record) -> {
            if (first[0]) {
                firstSlot = slot;
                nextSlot = slot;
                firstChunk = slot >>> CHUNK_BITS;
                first[0] = false;
            }
            // Slots are written without gaps and deleted from the head only; a hole would be a foreign record.
            while (nextSlot < slot) {
                allocate(Long.MIN_VALUE, 0L);
            }
            replay(slot, record);
        });
    }

    /** Unique articles and alias records remembered, expired ones not yet deleted included. */
    public long slots() {
        return nextSlot - firstSlot;
    }

    /** Heap held by the derived index (tables and per-slot arrays), in bytes. */
    public long indexBytes() {
        long total = articles.bytes() + idAliases.bytes() + urls.bytes() + contents.bytes();
        for (BandTable t : bands) {
            total += t.bytes();
        }
        return total + chunks.size() * (long) CHUNK * (2 * Long.BYTES + Integer.BYTES + SUMMARY_LONGS * Long.BYTES);
    }

    @Override
    public byte[] get(String key) {
        char kind = key.charAt(0);
        long hash = StateKeys.hashOf(key);
        switch (kind) {
            case StateKeys.ARTICLE -> {
                long slot = liveSlot(articles, hash);
                return slot < 0 ? null : storedArticle(journal.get(slot));
            }
            case StateKeys.ID_ALIAS -> {
                return targetOf(liveSlot(idAliases, hash));
            }
            case StateKeys.URL -> {
                return targetOf(liveSlot(urls, hash));
            }
            case StateKeys.CONTENT -> {
                return targetOf(liveSlot(contents, hash));
            }
            default -> {
                int band = kind - StateKeys.FIRST_BAND;
                if (band < 0 || band >= BANDS) {
                    return null;
                }
                int n = bands[band].members(BandTable.tag(hash), bucketCap, scratch);
                ByteBuffer out = ByteBuffer.allocate(n * Long.BYTES);
                for (int i = n - 1; i >= 0; i--) {
                    out.putLong(chunk(scratch[i]).refs[index(scratch[i])]);
                }
                return out.array();
            }
        }
    }

    @Override
    public void put(String key, byte[] value, long eventTimeMs) {
        advanceTo(eventTimeMs);
        char kind = key.charAt(0);
        long hash = StateKeys.hashOf(key);
        switch (kind) {
            case StateKeys.ARTICLE -> {
                pending.article = new StoredArticleBytes(value);
                pending.articleRef = hash;
            }
            case StateKeys.ID_ALIAS -> {
                pending.idAlias = hash;
                pending.hasIdAlias = true;
                target(value);
            }
            case StateKeys.URL -> {
                pending.url = hash;
                pending.hasUrl = true;
                target(value);
            }
            case StateKeys.CONTENT -> {
                pending.content = hash;
                pending.hasContent = true;
                target(value);
            }
            default -> {
                int band = kind - StateKeys.FIRST_BAND;
                if (band >= 0 && band < BANDS && !pending.hasBand[band]) {
                    pending.hasBand[band] = true;
                    pending.bandHashes[band] = hash;
                    pending.bandCount++;
                }
            }
        }
    }

    private void target(byte[] value) {
        long[] refs = StateKeys.refs(value);
        if (refs.length == 1) {
            pending.target = refs[0];
            pending.hasTarget = true;
        }
    }

    @Override
    public boolean keepsBuckets() {
        return true;
    }

    @Override
    public NearBound nearBound(long articleRef, TextSketch sketch) {
        long slot = liveSlot(articles, articleRef);
        if (slot < 0 || sketch.signature().length != TextSketch.SIGNATURE_BYTES) {
            return null;
        }
        Chunk c = chunk(slot);
        int i = index(slot);
        if (sketch.signature() != summarized) {
            summarized = sketch.signature();
            summaryOfSummarized = summary(summarized);
        }
        long[] mine = summaryOfSummarized;
        int differing = 0;
        for (int k = 0; k < SUMMARY_LONGS; k++) {
            long x = mine[k] ^ c.summaries[i * SUMMARY_LONGS + k];
            differing += Long.bitCount((x | x >>> 1) & 0x5555555555555555L);
        }
        if (c.shingles[i] < 0) {
            return null; // stored without a signature: only exact matches, the engine decides after reading it
        }
        return new NearBound(TextSketch.jaccardOfMatches(TextSketch.SIGNATURE_BINS - differing), c.shingles[i]);
    }

    /** Writes the decision's record and indexes it; deletes a few expired records from the journal's head. */
    @Override
    public void flush() {
        if (!pending.isEmpty()) {
            byte[] record = encodePending();
            long slot = nextSlot;
            journal.put(slot, record);
            replay(slot, record);
        }
        pending.clear();
        for (int k = 0; k < DELETES_PER_DECISION && firstSlot < nextSlot && expired(stampOf(firstSlot)); k++) {
            journal.delete(firstSlot);
            firstSlot++;
            dropChunksBefore(firstSlot);
        }
    }

    private byte[] encodePending() {
        Pending p = pending;
        byte[] article = p.article == null ? new byte[0] : p.article.bytes();
        ByteBuffer b = ByteBuffer.allocate(2 + 8 + 8 + 1 + 8 * 3 + 1 + BANDS * 9 + 5 + article.length);
        b.put(VERSION).put(p.article != null ? UNIQUE : ALIASES);
        b.putLong(now == Long.MIN_VALUE ? 0 : now);
        b.putLong(p.article != null ? p.articleRef : p.hasTarget ? p.target : 0L);
        int flags = (p.hasIdAlias ? 1 : 0) | (p.hasUrl ? 2 : 0) | (p.hasContent ? 4 : 0);
        b.put((byte) flags);
        if (p.hasIdAlias) {
            b.putLong(p.idAlias);
        }
        if (p.hasUrl) {
            b.putLong(p.url);
        }
        if (p.hasContent) {
            b.putLong(p.content);
        }
        b.put((byte) p.bandCount);
        for (int band = 0; band < BANDS; band++) {
            if (p.hasBand[band]) {
                b.put((byte) band).putLong(p.bandHashes[band]);
            }
        }
        Varints.putUnsigned(b, article.length);
        b.put(article);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Indexes a journal record under {@code slot} (the next slot). */
    private void replay(long slot, byte[] record) {
        ByteBuffer b = ByteBuffer.wrap(record);
        if (record.length < 19 || b.get() != VERSION) {
            allocate(Long.MIN_VALUE, 0L); // unreadable: an expired, empty slot keeps the numbering
            return;
        }
        boolean unique = b.get() == UNIQUE;
        long stamp = b.getLong();
        long ref = b.getLong();
        int flags = b.get();
        long s = allocate(stamp, ref);
        int low = (int) s;
        if ((flags & 1) != 0) {
            idAliases.put(b.getLong(), low);
        }
        if ((flags & 2) != 0) {
            urls.put(b.getLong(), low);
        }
        if ((flags & 4) != 0) {
            contents.put(b.getLong(), low);
        }
        int bandCount = b.get();
        for (int k = 0; k < bandCount; k++) {
            int band = b.get();
            bands[band].add(BandTable.tag(b.getLong()), s, bucketCap, scratch);
        }
        if (unique) {
            articles.put(ref, low);
            byte[] article = new byte[Varints.getUnsigned(b)];
            b.get(article);
            StoredArticle a = StoredArticle.decode(article);
            Chunk c = chunk(s);
            int i = index(s);
            if (a != null && a.signature().length == TextSketch.SIGNATURE_BYTES) {
                c.shingles[i] = a.shingles();
                System.arraycopy(summary(a.signature()), 0, c.summaries, i * SUMMARY_LONGS, SUMMARY_LONGS);
            } else {
                c.shingles[i] = -1;
            }
        }
    }

    /** The low two bits of each 6-bit bin, 32 bins per long. */
    static long[] summary(byte[] signature) {
        long[] out = new long[SUMMARY_LONGS];
        for (int g = 0, o = 0; g < TextSketch.SIGNATURE_BINS; g += 4, o += 3) {
            int word = (signature[o] & 0xFF) << 16 | (signature[o + 1] & 0xFF) << 8 | signature[o + 2] & 0xFF;
            for (int k = 0; k < 4; k++) {
                int bin = g + k;
                long twoBits = (word >>> (18 - 6 * k)) & 3;
                out[bin >>> 5] |= twoBits << ((bin & 31) * 2);
            }
        }
        return out;
    }

    private long allocate(long stamp, long ref) {
        long slot = nextSlot++;
        while ((slot >>> CHUNK_BITS) - firstChunk >= chunks.size()) {
            chunks.add(new Chunk());
        }
        Chunk c = chunk(slot);
        int i = index(slot);
        c.stamps[i] = stamp;
        c.refs[i] = ref;
        return slot;
    }

    private void dropChunksBefore(long slot) {
        while (!chunks.isEmpty() && (firstChunk + 1) << CHUNK_BITS <= slot) {
            chunks.remove(0);
            firstChunk++;
        }
    }

    private Chunk chunk(long slot) {
        return chunks.get((int) ((slot >>> CHUNK_BITS) - firstChunk));
    }

    private static int index(long slot) {
        return (int) (slot & (CHUNK - 1));
    }

    private long stampOf(long slot) {
        return chunk(slot).stamps[index(slot)];
    }

    private boolean expired(long stamp) {
        return stamp == Long.MIN_VALUE || now != Long.MIN_VALUE && stamp < now - horizonMs;
    }

    private boolean isLive(long slot) {
        return slot >= firstSlot && slot < nextSlot && !expired(stampOf(slot));
    }

    private long liveSlot(SlotMap map, long hash) {
        long low = map.get(hash);
        if (low < 0) {
            return -1;
        }
        long slot = liveness.full((int) low);
        return isLive(slot) ? slot : -1;
    }

    private byte[] targetOf(long slot) {
        return slot < 0 ? null : StateKeys.refBytes(chunk(slot).refs[index(slot)]);
    }

    /** The {@link StoredArticle} bytes of a journal record; null for an alias record. */
    private static byte[] storedArticle(byte[] record) {
        if (record == null || record.length < 19 || record[1] != UNIQUE) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(record, 18, record.length - 18);
        int flags = b.get();
        b.position(b.position() + Long.BYTES * Integer.bitCount(flags & 7));
        int bandCount = b.get();
        b.position(b.position() + bandCount * 9);
        byte[] article = new byte[Varints.getUnsigned(b)];
        b.get(article);
        return article;
    }
}
