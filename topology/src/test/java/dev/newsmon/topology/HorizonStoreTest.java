package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-time horizon: what is visible, and that the sweep deletes expired entries and nothing else. */
class HorizonStoreTest {

    private static final long HORIZON = 1_000;

    private KeyValueStore<String, byte[]> entries;
    private KeyValueStore<String, Long> clock;

    @BeforeEach
    void setUp() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        entries = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("entries"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        entries.init(context.getStateStoreContext(), entries);
        clock = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("clock"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        clock.init(context.getStateStoreContext(), clock);
    }

    private HorizonStore store() {
        return new HorizonStore(entries, clock, "test", HORIZON);
    }

    private static byte[] v(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code n} entries, one per millisecond from {@code from} on, keys scattered over the key space. */
    private static void write(HorizonStore s, long from, int n) {
        for (int i = 0; i < n; i++) {
            long t = from + i;
            s.advanceTo(t);
            s.put(key(t), v("at " + t), t);
        }
    }

    private static String key(long t) {
        return Long.toHexString(Long.reverse(t * 0x9E3779B97F4A7C15L));
    }

    private List<Long> stampsOnDisk() {
        List<Long> stamps = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = entries.all()) {
            it.forEachRemaining(e -> stamps.add(java.nio.ByteBuffer.wrap(e.value).getLong()));
        }
        return stamps;
    }

    @Test
    void anEntryIsInvisibleOnceItFallsBehindTheHorizonWhetherOrNotItIsDeletedYet() {
        HorizonStore s = store();
        s.advanceTo(10_000);
        s.put("a", v("x"), 10_000);
        s.advanceTo(10_000 + HORIZON);
        assertThat(s.get("a")).isEqualTo(v("x"));
        s.advanceTo(10_001 + HORIZON);
        assertThat(s.get("a")).isNull();
        assertThat(entries.get("a")).as("still on disk: no write happened since").isNotNull();
    }

    @Test
    void theSweepDeletesEveryExpiredEntryAndKeepsTheRest() {
        HorizonStore s = store();
        write(s, 0, 5_000);
        List<Long> stamps = stampsOnDisk();
        long now = 4_999;
        assertThat(stamps).allMatch(t -> t >= now - HORIZON - 2 * HORIZON,
                "expired entries linger for less than the time the store's entries span");
        assertThat(stamps.stream().filter(t -> t >= now - HORIZON)).hasSize((int) HORIZON + 1);
        assertThat(stamps.size()).isLessThan(3 * (int) HORIZON);
    }

    @Test
    void nothingWithinTheHorizonIsEverDeleted() {
        HorizonStore s = store();
        write(s, 0, 900);
        assertThat(stampsOnDisk()).hasSize(900);
        for (int i = 0; i < 900; i++) {
            assertThat(s.get(key(i))).isEqualTo(v("at " + i));
        }
    }

    @Test
    void aLateEntryIsKeptForAFullHorizonFromItsArrival() {
        HorizonStore s = store();
        write(s, 0, 2_000);
        s.put("late", v("old news"), 10);
        write(s, 2_000, HorizonStore.WRITES_PER_STEP * 15);
        long now = 2_000 + HorizonStore.WRITES_PER_STEP * 15 - 1;
        assertThat(now - 1_999).isLessThanOrEqualTo(HORIZON);
        assertThat(s.get("late")).isEqualTo(v("old news"));
    }

    @Test
    void afterARestartTheClockIsKnownAndTheSweepStillRuns() {
        HorizonStore before = store();
        write(before, 0, 3_000);
        HorizonStore after = store();
        assertThat(after.get(key(2_999))).isEqualTo(v("at 2999"));
        assertThat(after.get(key(1_000))).as("expired before the restart").isNull();
        write(after, 3_000, 3_000);
        assertThat(stampsOnDisk()).allMatch(t -> t >= 5_999 - 3 * HORIZON);
    }
}
