package dev.newsmon.core.dedup;

import dev.newsmon.core.Hashing;

/**
 * Hash of the normalized main text: the folded words only (see {@link Words}), so spacing, punctuation,
 * diacritics, tatweel, letter variants and digit scripts do not count. 32 hex digits of SHA-256.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String mainText) {
        StringBuilder words = new StringBuilder(mainText == null ? 0 : mainText.length());
        if (mainText != null) {
            Words.scan(mainText, words);
        }
        return Hashing.sha256Hex(words.toString(), 32);
    }
}
