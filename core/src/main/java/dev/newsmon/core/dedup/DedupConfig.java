package dev.newsmon.core.dedup;

/**
 * The near-duplicate parameters (docs/DEDUP.md explains each value).
 *
 * @param jaccardThreshold       estimated shingle Jaccard at or above which two texts are the same article
 * @param containmentThreshold   share of the new text's shingles found in an earlier one at or above which the
 *                               new text is an excerpt of it
 * @param minContainmentShingles below this many shingles a text is too short to be judged by containment
 * @param featureTolerance       share of salient features (numbers, places, entities) that may disagree in long
 *                               texts; short texts must agree on all of them
 * @param bucketCap              most article references kept per LSH bucket (newest kept)
 */
public record DedupConfig(double jaccardThreshold, double containmentThreshold, int minContainmentShingles,
        double featureTolerance, int bucketCap) {

    public DedupConfig {
        if (!(jaccardThreshold > 0 && jaccardThreshold <= 1) || !(containmentThreshold > 0
                && containmentThreshold <= 1) || minContainmentShingles < 1 || featureTolerance < 0
                || bucketCap < 1 || bucketCap > 255) {
            throw new IllegalArgumentException("invalid dedup configuration");
        }
    }

    public static DedupConfig defaults() {
        return new DedupConfig(0.40, 0.75, 20, 0.10, 16);
    }
}
