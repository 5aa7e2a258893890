package dev.newsmon.core.dedup.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pairwise precision, recall and F1 per class on the real-world syndication set
 * (core/src/test/resources/devset/dedup-realworld), which the engine was not tuned on. The bars are the issue's:
 * F1 ≥ 0.98 with precision ≥ 0.99, and no template story, key-fact correction or follow-up merged. Every page in
 * another site's chrome (seen once, so nothing was learned about it) must extract to exactly the article.
 */
class RealWorldDedupReportTest {

    @Test
    void pairwiseScoresMeetTheBars() {
        RealWorldRun run = RealWorldRun.get();
        System.out.println("Dedup real-world set (core/src/test/resources/devset/dedup-realworld):");
        System.out.print(run.report());
        assertThat(run.overall.articles).as("articles").isGreaterThanOrEqualTo(150);
        assertThat(run.overall.precision()).as("pairwise precision").isGreaterThanOrEqualTo(0.99);
        assertThat(run.overall.f1()).as("pairwise F1").isGreaterThanOrEqualTo(0.98);
        assertThat(run.pagesWithExactText()).as("pages whose extracted main text is exactly the article")
                .isEqualTo(run.pageTextExact.size());
        for (String mustStaySeparate : new String[] {"template", "key-fact-correction", "follow-up"}) {
            RealWorldRun.Counts c = run.byClass.get(mustStaySeparate);
            assertThat(c).as(mustStaySeparate + " cases").isNotNull();
            assertThat(c.fp).as(mustStaySeparate + " merged with another story").isZero();
        }
    }
}
