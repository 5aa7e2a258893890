package dev.newsmon.core.dedup.realworld;

import dev.newsmon.core.dedup.DedupDecision;
import dev.newsmon.core.dedup.DedupEngine;
import dev.newsmon.core.dedup.InMemoryDedupState;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.pipeline.ArticleAnalyzer;
import dev.newsmon.core.tagging.EntityTagger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feeds the whole real-world set through the real path (parser with its extractors, analyzer with tagger and
 * fingerprint, one dedup engine and state) in publication order, and scores the decisions pairwise: two articles
 * are in the same predicted cluster when one was judged a copy of the other (transitively). A pair counts for the
 * class of its later article.
 */
final class RealWorldRun {

    /** Pair counts of one class (or overall). */
    static final class Counts {
        int articles;
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private static RealWorldRun cached;

    final RealWorldSet set = new RealWorldSet();
    final List<RealWorldSet.Item> ordered = new ArrayList<>();
    final Map<String, DedupDecision> decisions = new LinkedHashMap<>();
    final Map<String, Counts> byClass = new LinkedHashMap<>();
    final Counts overall = new Counts();
    final List<String> wrongPairs = new ArrayList<>();
    /** Pages (other sites' chrome, AMP) and whether their extracted main text is exactly the printed article. */
    final Map<String, Boolean> pageTextExact = new LinkedHashMap<>();

    static synchronized RealWorldRun get() {
        if (cached == null) {
            cached = new RealWorldRun();
            cached.run();
        }
        return cached;
    }

    private void run() {
        ArticleParser parser = new ArticleParser();
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        DedupEngine engine = new DedupEngine();
        InMemoryDedupState state = new InMemoryDedupState(Duration.ofDays(3650).toMillis());
        ordered.addAll(set.items);
        ordered.sort(Comparator.comparing(RealWorldSet.Item::time).thenComparing(RealWorldSet.Item::id));
        Map<String, String> sectionOf = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        for (RealWorldSet.Item it : ordered) {
            ParseOutcome outcome = parser.parse(new RawInput(it.payload(), it.format(), it.id(), null,
                    it.time(), "test"));
            if (outcome instanceof ParseOutcome.Rejected r) {
                throw new AssertionError(it.id() + " was rejected: " + r.rejection().reason());
            }
            AnalyzedArticle a = analyzer.analyze(((ParseOutcome.Parsed) outcome).article(), EntityTagger.builtIn());
            sectionOf.putIfAbsent(a.candidate().id(), it.id());
            if (it.paged()) {
                pageTextExact.put(it.id(), squeeze(a.article().text()).equals(squeeze(it.printedText())));
            }
            DedupDecision d = engine.decide(a.candidate(), state);
            decisions.put(it.id(), d);
            parent.put(it.id(), d.duplicate() ? sectionOf.getOrDefault(d.duplicateOf(), d.duplicateOf()) : it.id());
        }
        for (RealWorldSet.Item it : ordered) {
            byClass.computeIfAbsent(it.cls(), k -> new Counts()).articles++;
            overall.articles++;
        }
        for (int j = 0; j < ordered.size(); j++) {
            RealWorldSet.Item later = ordered.get(j);
            Counts c = byClass.get(later.cls());
            for (int i = 0; i < j; i++) {
                RealWorldSet.Item earlier = ordered.get(i);
                boolean truth = earlier.story().equals(later.story());
                boolean predicted = root(parent, earlier.id()).equals(root(parent, later.id()));
                if (truth && predicted) {
                    c.tp++;
                    overall.tp++;
                } else if (predicted) {
                    c.fp++;
                    overall.fp++;
                    wrongPairs.add("  merged:    " + later.id() + " (" + later.cls() + ") with " + earlier.id()
                            + " -> " + decisions.get(later.id()));
                } else if (truth) {
                    c.fn++;
                    overall.fn++;
                    wrongPairs.add("  separated: " + later.id() + " (" + later.cls() + ") from " + earlier.id()
                            + " -> " + decisions.get(later.id()));
                }
            }
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    long pagesWithExactText() {
        return pageTextExact.values().stream().filter(Boolean::booleanValue).count();
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.getOrDefault(r, r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-20s %8s %5s %5s %5s %9s %7s %6s%n", "class", "articles", "TP", "FN",
                "FP", "precision", "recall", "F1"));
        for (Map.Entry<String, Counts> e : byClass.entrySet()) {
            line(b, e.getKey(), e.getValue());
        }
        line(b, "overall", overall);
        b.append(String.format(Locale.ROOT, "pages (other sites' chrome, AMP) whose main text is exactly the article: "
                + "%d of %d%n", pagesWithExactText(), pageTextExact.size()));
        pageTextExact.forEach((id, exact) -> {
            if (!exact) {
                b.append("  chrome left in or article cut: ").append(id).append('\n');
            }
        });
        for (String w : wrongPairs) {
            b.append(w).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String name, Counts c) {
        b.append(String.format(Locale.ROOT, "%-20s %8d %5d %5d %5d %9.3f %7.3f %6.3f%n", name, c.articles, c.tp, c.fn,
                c.fp, c.precision(), c.recall(), c.f1()));
    }

    Instant first() {
        return ordered.get(0).time();
    }
}
