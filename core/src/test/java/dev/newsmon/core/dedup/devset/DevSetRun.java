package dev.newsmon.core.dedup.devset;

import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupState;
import dev.newsmon.core.dedup.InMemoryDedupState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the whole dev set once: originals and hard negatives into one state in publication order, every copy
 * against that state (each in its own overlay), and the same-site scenarios in fresh states.
 */
final class DevSetRun {

    /** The outcome of one labeled decision. */
    record Outcome(String type, int strength, String label, boolean positive, DedupDecision decision,
            String expectedOriginal, String expectedMethod) {

        boolean correct() {
            if (!positive) {
                return !decision.duplicate();
            }
            return decision.duplicate() && expectedOriginal.equals(decision.duplicateOf());
        }

        boolean methodAsExpected() {
            return expectedMethod == null || decision.method() != null
                    && decision.method().wireName().equals(expectedMethod);
        }
    }

    private static DevSetRun cached;

    final DevSet set = new DevSet();
    final DevPipeline pipeline = new DevPipeline();
    final List<Outcome> outcomes = new ArrayList<>();

    static synchronized DevSetRun get() {
        if (cached == null) {
            cached = new DevSetRun();
            cached.run();
        }
        return cached;
    }

    private void run() {
        InMemoryDedupState state = new InMemoryDedupState(Duration.ofDays(3650).toMillis());
        record Stored(Instant time, String kind, String label, DevSet.Input input) {
        }
        List<Stored> stream = new ArrayList<>();
        for (DevArticle a : set.bases.values()) {
            stream.add(new Stored(Instant.parse(a.publishedAt()), "original", a.id(), set.original(a)));
        }
        for (DevSet.Negative n : set.hardNegatives()) {
            stream.add(new Stored(n.time(), n.kind(), n.label(), n.input()));
        }
        stream.sort(Comparator.comparing(Stored::time).thenComparing(Stored::label));
        for (Stored s : stream) {
            outcomes.add(new Outcome(s.kind(), 0, s.label(), false, pipeline.decide(s.input(), state), null, null));
        }
        for (DevSet.Positive p : set.positives()) {
            DedupDecision d = pipeline.decide(p.input(), DevPipeline.overlay(state));
            outcomes.add(new Outcome(p.type(), p.strength(), p.input().label(), true, d, p.original(),
                    p.method() == null ? null : p.method().wireName()));
        }
        for (boolean text : new boolean[] {false, true}) {
            DedupState site = new InMemoryDedupState(Duration.ofDays(3650).toMillis());
            for (DevSet.Input in : set.sameSiteStories(text)) {
                outcomes.add(new Outcome(text ? "same-site-text" : "same-site-html", 0, in.label(), false,
                        pipeline.decide(in, site), null, null));
            }
        }
    }

    /** Counts per type: true positives, false negatives, false positives. */
    Map<String, int[]> counts() {
        Map<String, int[]> byType = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] c = byType.computeIfAbsent(o.type(), k -> new int[4]);
            c[3]++;
            if (o.positive()) {
                if (o.correct()) {
                    c[0]++;
                } else {
                    c[1]++;
                    if (o.decision().duplicate()) {
                        c[2]++;
                    }
                }
            } else if (o.decision().duplicate()) {
                c[2]++;
            }
        }
        return byType;
    }

    String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-18s %6s %5s %5s %5s %9s %7s%n", "type", "cases", "TP", "FN", "FP",
                "precision", "recall"));
        int tp = 0;
        int fn = 0;
        int fp = 0;
        for (Map.Entry<String, int[]> e : counts().entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fn += c[1];
            fp += c[2];
            b.append(String.format(Locale.ROOT, "%-18s %6d %5d %5d %5d %9s %7s%n", e.getKey(), c[3], c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[2]), ratio(c[0], c[0] + c[1])));
        }
        b.append(String.format(Locale.ROOT, "%-18s %6d %5d %5d %5d %9s %7s%n", "overall", outcomes.size(), tp, fn,
                fp, ratio(tp, tp + fp), ratio(tp, tp + fn)));
        for (Outcome o : outcomes) {
            if (!o.correct()) {
                b.append("  wrong: ").append(o.label()).append(" -> ").append(o.decision()).append('\n');
            }
        }
        return b.toString();
    }

    double precision() {
        int[] t = totals();
        return t[0] / (double) (t[0] + t[2]);
    }

    double recall() {
        int[] t = totals();
        return t[0] / (double) (t[0] + t[1]);
    }

    private int[] totals() {
        int[] t = new int[3];
        for (int[] c : counts().values()) {
            t[0] += c[0];
            t[1] += c[1];
            t[2] += c[2];
        }
        return t;
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "-" : String.format(Locale.ROOT, "%.3f", num / (double) den);
    }
}
