package dev.newsmon.bench.tagging;

import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.tagging.GazetteerEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in gazetteer plus {@code n} generated entities, each with an Arabic and a Latin two- or three-word
 * name. A third of the Arabic names start with a common news word (قوات, مجلس, وزارة ...) so that the trie
 * walks from ordinary words of the article go deep, as they would with a real large gazetteer.
 */
final class SyntheticGazetteer {

    private static final String ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private static final String LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String[] COMMON_HEADS = {"قوات", "مجلس", "وزارة", "مجموعة", "شركة", "حزب", "جبهة", "مدينة",
        "قاعدة", "ميناء", "حكومة", "الجيش", "رئيس", "منطقة", "مطار"};

    private SyntheticGazetteer() {
    }

    static Gazetteer withBuiltIn(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GazetteerEntity> entities = new ArrayList<>(Gazetteer.builtIn().entities());
        EntityType[] types = EntityType.values();
        for (int i = 0; i < n; i++) {
            String arabic = (random.nextInt(3) == 0 ? COMMON_HEADS[random.nextInt(COMMON_HEADS.length)] : word(random, ARABIC_LETTERS))
                    + " " + word(random, ARABIC_LETTERS) + (random.nextBoolean() ? " " + word(random, ARABIC_LETTERS) : "");
            String latin = capitalized(word(random, LATIN_LETTERS)) + " " + capitalized(word(random, LATIN_LETTERS));
            entities.add(new GazetteerEntity("synthetic-" + i, types[random.nextInt(types.length)], latin, arabic,
                    List.of(latin, arabic)));
        }
        return Gazetteer.of(entities);
    }

    private static String word(SplittableRandom random, String letters) {
        int length = 3 + random.nextInt(5);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    private static String capitalized(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
