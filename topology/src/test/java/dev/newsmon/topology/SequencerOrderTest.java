package dev.newsmon.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsmon.testing.RandomInputs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever order two producer runs' records arrive in, each run's articles come out in its sequence order. */
class SequencerOrderTest {

    record Arrival(String run, long seq) {
    }

    static Stream<RandomInputs.Case<List<Arrival>>> shuffledArrivals() {
        return RandomInputs.cases(7, 12, r -> {
            List<Arrival> all = new ArrayList<>();
            for (String run : List.of("run-a", "run-b")) {
                int n = 5 + r.nextInt(25);
                for (long s = 0; s < n; s++) {
                    all.add(new Arrival(run, s));
                }
            }
            Collections.shuffle(all, r);
            return all;
        });
    }

    @ParameterizedTest
    @MethodSource("shuffledArrivals")
    void eachRunIsReleasedInSequenceOrder(RandomInputs.Case<List<Arrival>> arrivals) {
        try (TopologyHarness t = new TopologyHarness()) {
            for (Arrival a : arrivals.value()) {
                String origin = a.run() + ":" + a.seq();
                t.sendAs(a.run(), a.seq(), origin, "{\"id\":\"" + origin + "\",\"title\":\"Item " + origin
                        + "\",\"body\":\"Body of " + origin + " with words enough.\",\"publishedAt\":"
                        + "\"2024-05-01T10:00:00Z\"}");
            }
            List<String> origins = t.read(t.topics.articles()).stream().map(n -> n.get("origin").asText()).toList();
            for (String run : List.of("run-a", "run-b")) {
                List<Long> seqs = origins.stream().filter(o -> o.startsWith(run + ":"))
                        .map(o -> Long.parseLong(o.substring(o.indexOf(':') + 1))).toList();
                long expected = arrivals.value().stream().filter(a -> a.run().equals(run)).count();
                assertThat(seqs).as(run).hasSize((int) expected).isSorted();
            }
        }
    }
}
