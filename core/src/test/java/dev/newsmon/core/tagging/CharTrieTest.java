package dev.newsmon.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CharTrieTest {

    @Test
    void findsEveryKeyAndNothingElse() {
        String[] keys = {"a", "ab", "abc", "b", "طبرق", "طبرقه", "مصر", "مصراته", "wagner group"};
        Arrays.sort(keys);
        CharTrie trie = CharTrie.build(keys);
        for (int i = 0; i < keys.length; i++) {
            assertThat(trie.value(trie.walk(keys[i]))).isEqualTo(i);
        }
        assertThat(trie.value(trie.walk("طبر"))).isEqualTo(CharTrie.NONE);
        assertThat(trie.walk("x")).isEqualTo(CharTrie.NONE);
        assertThat(trie.walk("wagner x")).isEqualTo(CharTrie.NONE);
    }

    @Test
    void manyRandomKeysWithWideNodes() {
        Random random = new Random(7);
        TreeSet<String> set = new TreeSet<>();
        while (set.size() < 5000) {
            StringBuilder s = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                s.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x0621 + random.nextInt(40)));
            }
            set.add(s.toString());
        }
        String[] keys = set.toArray(new String[0]);
        CharTrie trie = CharTrie.build(keys);
        for (int i = 0; i < keys.length; i++) {
            assertThat(trie.value(trie.walk(keys[i]))).isEqualTo(i);
        }
    }

    @Test
    void rejectsUnsortedKeys() {
        assertThatThrownBy(() -> CharTrie.build(new String[] {"b", "a"})).isInstanceOf(IllegalArgumentException.class);
    }
}
