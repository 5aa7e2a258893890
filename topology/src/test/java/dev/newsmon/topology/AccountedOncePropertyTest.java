package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.core.json.Json;
import dev.newsmon.testing.RandomInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole topology (analyze, sequencer, dedup, stories, alerts, trends) on seeded random inputs: any line, any
 * {@code publishedAt} (before 1970, year 1, year 9999, beyond, garbage, numbers), arriving out of sequence order.
 * Property: every input ends up in exactly one of articles / duplicates / rejected, as soon as the inputs are in
 * (no wait on the sequencer's gap timeout), and no rejection lacks its origin.
 */
class AccountedOncePropertyTest {

    private static final String[] DATES = {
        "1969-07-20T20:17:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
        "1900-02-28", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
        "2024-05-01T10:00:00Z", "2024-05-01T10:05:00+02:00", "Wed, 01 May 2024 10:00:00 GMT", "-86400000",
        "-8640000000", "1714557600", "2099-01-01T00:00:00Z", "yesterday", "2024-13-45T99:99:99Z", "",
    };
    private static final String[] BODIES = {
        "Fighting near Tobruk was reported on Tuesday by several residents of the eastern city.",
        "The Wagner Group moved equipment through the port, officials in Tripoli said this week.",
        "A quiet day at the market; prices of bread and fuel stayed where they were last month.",
        "وصلت قوات فاغنر إلى مدينة طبرق صباح اليوم بحسب مصادر محلية متطابقة.",
    };
    private static final Instant[] RECORD_TIMES = {
        Instant.EPOCH, Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
    };

    record Input(long seq, String payload, Instant recordTime) {
    }

    static Stream<RandomInputs.Case<List<Input>>> inputs() {
        return RandomInputs.cases(14, 25, r -> {
            int n = 5 + r.nextInt(30);
            List<Input> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(new Input(i, line(r, i), RandomInputs.oneOf(r, RECORD_TIMES)));
            }
            Collections.shuffle(all, r);
            return all;
        });
    }

    private static String line(Random r, int i) {
        return switch (r.nextInt(8)) {
            case 0 -> "#" + RandomInputs.unicode(r, 60);
            case 1 -> "{\"title\":\"" + RandomInputs.arabic(r, 20, "\"\\") + "\",\"body\":" + r.nextInt();
            default -> {
                Map<String, Object> a = new LinkedHashMap<>();
                if (r.nextBoolean()) {
                    a.put("id", "a-" + r.nextInt(12));
                }
                if (r.nextBoolean()) {
                    a.put("url", "https://news.example/" + r.nextInt(12));
                }
                a.put("title", "Item " + r.nextInt(6));
                a.put("body", RandomInputs.oneOf(r, BODIES) + (r.nextBoolean() ? "" : " Update " + i + "."));
                switch (r.nextInt(4)) {
                    case 0 -> { }
                    case 1 -> a.put("publishedAt", r.nextInt(100_000) - 50_000);
                    default -> a.put("publishedAt", RandomInputs.oneOf(r, DATES));
                }
                yield Json.write(a);
            }
        };
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyInputIsAccountedForExactlyOnce(RandomInputs.Case<List<Input>> inputs) {
        TopologyConfig config = TopologyConfig.defaults(Topics.DEFAULT).withSequencerGapTimeout(Duration.ofSeconds(30))
                .withTrends(new TrendConfig(true, Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofDays(1), 1.0, 1,
                        true));
        try (TopologyHarness t = new TopologyHarness(config)) {
            t.track("tobruk");
            t.track("wagner-group");
            for (Input in : inputs.value()) {
                t.sendAs("run-1", in.seq(), "input:" + in.seq(), in.payload(), in.recordTime());
            }
            // Read before the wall clock moves: a skipped gap would show as a missing input here.
            Map<String, Integer> seen = new TreeMap<>();
            List<JsonNode> rejected = t.read(t.topics.rejected());
            for (String topic : List.of(t.topics.articles(), t.topics.duplicates())) {
                t.read(topic).forEach(n -> seen.merge(n.path("origin").asText(), 1, Integer::sum));
            }
            rejected.forEach(n -> seen.merge(n.path("origin").asText(), 1, Integer::sum));
            Map<String, Integer> expected = new TreeMap<>();
            inputs.value().forEach(in -> expected.put("input:" + in.seq(), 1));
            assertThat(seen).as("times each input appears in articles + duplicates + rejected").isEqualTo(expected);
            assertThat(rejected).allSatisfy(n -> assertThat(n.path("raw").asText()).isNotEmpty());
            t.read(t.topics.alerts()).forEach(a -> assertThat(a.path("alertId").asText()).isNotEmpty());
        }
    }
}
