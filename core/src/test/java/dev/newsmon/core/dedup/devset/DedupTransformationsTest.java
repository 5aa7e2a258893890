package dev.newsmon.core.dedup.devset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each syndication transformation and each hard negative of the dev set, on its own. */
class DedupTransformationsTest {

    static Stream<String> types() {
        return DevSet.TYPES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyStrengthOfATransformationIsFoundAsACopyOfItsOriginal(String type) {
        List<DevSetRun.Outcome> cases = DevSetRun.get().outcomes.stream().filter(o -> o.type().equals(type)).toList();
        assertThat(cases).hasSize(DevSet.BASE_IDS.size() * 3);
        long found = cases.stream().filter(DevSetRun.Outcome::correct).count();
        assertThat(found / (double) cases.size()).as(type + " recall").isGreaterThanOrEqualTo(0.98);
        assertThat(cases.stream().filter(o -> o.correct() && !o.methodAsExpected()).map(DevSetRun.Outcome::label))
                .as("copies found by another method than expected").isEmpty();
    }

    static Stream<String> negatives() {
        return DevSetRun.get().outcomes.stream().filter(o -> !o.positive()).map(DevSetRun.Outcome::label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void hardNegativeStaysUnique(String label) {
        DevSetRun.Outcome o = DevSetRun.get().outcomes.stream().filter(x -> x.label().equals(label)).findFirst()
                .orElseThrow();
        assertThat(o.decision().duplicate()).as(o.type() + " " + label + " -> " + o.decision()).isFalse();
    }
}
