package dev.newsmon.topology;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The trend stores and their layout, for the processor (read-write) and interactive queries (read-only).
 *
 * <ul>
 *   <li>{@code trend-counts}: (entity, bucket start) → unique articles mentioning the entity in that bucket. Key =
 *       2-byte length + entity id (UTF-8) + bucket start (big-endian, sign bit flipped), so one entity's buckets are
 *       one contiguous range in time order.</li>
 *   <li>{@code trend-meta}: {@code clock} (newest event time seen), {@code first} (oldest), {@code burst|ID} (end
 *       of the entity's last qualifying window), {@code name|ID} (display name and type, JSON).</li>
 * </ul>
 */
final class TrendState {

    static final String CLOCK = "clock";
    static final String FIRST = "first";
    /** Newest time of an article with its own date, and of an undated one (see TrendProcessor). */
    static final String DATED_CLOCK = "clock-dated";
    static final String UNDATED_CLOCK = "clock-undated";
    static final String BURST = "burst|";
    static final String NAME = "name|";

    private TrendState() {
    }

    /** Display name and type of an entity as the tagger named it. */
    record EntityName(String name, EntityType type) {
    }

    static Bytes key(String entityId, long bucketStart) {
        byte[] id = entityId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(2 + id.length + Long.BYTES).putShort((short) id.length).put(id)
                .putLong(bucketStart ^ Long.MIN_VALUE).array());
    }

    static String entityOf(Bytes key) {
        ByteBuffer buf = ByteBuffer.wrap(key.get());
        int length = Short.toUnsignedInt(buf.getShort());
        return new String(key.get(), 2, length, StandardCharsets.UTF_8);
    }

    static long bucketOf(Bytes key) {
        byte[] k = key.get();
        return ByteBuffer.wrap(k, k.length - Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }

    static byte[] encodeLong(long v) {
        return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
    }

    static Long readLong(ReadOnlyKeyValueStore<String, byte[]> meta, String key) {
        byte[] v = meta.get(key);
        return v == null || v.length != Long.BYTES ? null : ByteBuffer.wrap(v).getLong();
    }

    static EntityName readName(ReadOnlyKeyValueStore<String, byte[]> meta, String entityId) {
        byte[] v = meta.get(NAME + entityId);
        if (v == null) {
            return null;
        }
        try {
            return Json.read(v, EntityName.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Bucket start → count for one entity, for buckets in [from, to). */
    static TreeMap<Long, Long> buckets(ReadOnlyKeyValueStore<Bytes, Long> counts, String entityId, long from, long to) {
        TreeMap<Long, Long> out = new TreeMap<>();
        if (to <= from) {
            return out;
        }
        try (KeyValueIterator<Bytes, Long> it = counts.range(key(entityId, from), key(entityId, to - 1))) {
            while (it.hasNext()) {
                KeyValue<Bytes, Long> kv = it.next();
                if (kv.value != null) {
                    out.put(bucketOf(kv.key), kv.value);
                }
            }
        }
        return out;
    }

    static long sum(Map<Long, Long> buckets, long from, long to) {
        long total = 0;
        for (Map.Entry<Long, Long> e : ((TreeMap<Long, Long>) buckets).subMap(from, to).entrySet()) {
            total += e.getValue();
        }
        return total;
    }

    /** Entity ids that have a name entry (every entity ever counted). */
    static List<String> entities(ReadOnlyKeyValueStore<String, byte[]> meta) {
        List<String> ids = new ArrayList<>();
        // '}' follows '|': every "name|…" key sorts between the two bounds
        try (KeyValueIterator<String, byte[]> it = meta.range(NAME, "name}")) {
            while (it.hasNext()) {
                ids.add(it.next().key.substring(NAME.length()));
            }
        }
        return ids;
    }

    /** Deletes one entity's buckets older than {@code before}. */
    static void expire(KeyValueStore<Bytes, Long> counts, String entityId, long before) {
        List<Bytes> dead = new ArrayList<>();
        try (KeyValueIterator<Bytes, Long> it = counts.range(key(entityId, Long.MIN_VALUE), key(entityId, before - 1))) {
            while (it.hasNext()) {
                dead.add(it.next().key);
            }
        }
        dead.forEach(counts::delete);
    }
}
