package dev.newsmon.core.dedup;

import dev.newsmon.core.Hashing;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.text.Token;
import dev.newsmon.core.text.Tokenizer;
import java.util.List;

/** Hash of the normalized main text: the words only, so spacing, punctuation and diacritics do not count. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(String mainText) {
        List<Token> tokens = Tokenizer.tokens(TextNormalizer.normalize(mainText));
        StringBuilder words = new StringBuilder(mainText.length());
        for (Token t : tokens) {
            words.append(t.text()).append(' ');
        }
        return Hashing.sha256Hex(words.toString(), 32);
    }
}
