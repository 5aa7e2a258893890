package dev.newsmon.core.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists dedup needs, as folded word hashes: function words (to skip shingles that carry no content),
 * number words (ثلاثة = 3), place names and the Arabic words that announce a place (مدينة, منطقة, …).
 */
final class Lexicon {

    /** Arabic proclitic combinations a name may carry: وبطرابلس, لطرابلس, والزاوية, للزاوية. */
    private static final String[] ARABIC_PREFIXES = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"};
    private static final String[] ARABIC_ARTICLE_PREFIXES = {"ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل",
            "فلل"};

    static final LongSet STOPWORDS = new LongSet(512);
    /** Word hash → hash of the number it spells. */
    private static final LongLongMap NUMBER_WORDS = new LongLongMap(256);
    /** Word hash (or two-word pair hash) → place index + 1. */
    private static final LongLongMap PLACES = new LongLongMap(8192);
    private static final LongSet PLACE_FIRST_WORDS = new LongSet(256);
    private static final LongSet PLACE_CUES = new LongSet(256);

    static {
        for (String line : lines("stopwords.txt")) {
            for (String w : line.split("\\s+")) {
                if (!w.isEmpty()) {
                    STOPWORDS.add(Words.hashOf(w));
                }
            }
        }
        String[][] numbers = {
            {"2", "اثنان", "اثنين", "اثنتان", "اثنتين", "two"}, {"3", "ثلاثة", "ثلاث", "three"},
            {"4", "أربعة", "أربع", "four"}, {"5", "خمسة", "خمس", "five"}, {"6", "ستة", "six"},
            {"7", "سبعة", "سبع", "seven"}, {"8", "ثمانية", "ثماني", "ثمان", "eight"}, {"9", "تسعة", "تسع", "nine"},
            {"10", "عشرة", "عشر", "ten"}, {"12", "twelve", "dozen"}, {"20", "عشرون", "عشرين", "twenty"},
            {"30", "ثلاثون", "ثلاثين", "thirty"}, {"40", "أربعون", "أربعين", "forty"},
            {"50", "خمسون", "خمسين", "fifty"}, {"100", "مئة", "مائة", "hundred"}, {"1000", "ألف", "thousand"},
            {"1000000", "مليون", "million"}, {"1000000000", "مليار", "billion"}};
        for (String[] group : numbers) {
            long value = Words.hashOf(group[0]);
            for (int i = 1; i < group.length; i++) {
                boolean arabic = group[i].charAt(0) >= 0x0600;
                for (String p : arabic ? new String[] {"", "و", "ب", "ل"} : new String[] {""}) {
                    NUMBER_WORDS.put(Words.hashOf(p + group[i]), value);
                }
            }
        }
        List<String> places = lines("places.txt");
        for (int index = 0; index < places.size(); index++) {
            for (String spelling : places.get(index).split("\\|")) {
                addPlace(spelling.strip(), index + 1L);
            }
        }
        for (String cue : new String[] {"مدينة", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "بلدية", "مخيم",
            "ميناء", "مطار", "حي", "إقليم", "جزيرة", "ضاحية", "معبر", "واحة"}) {
            for (String p : ARABIC_PREFIXES) {
                PLACE_CUES.add(Words.hashOf(p + cue));
            }
            for (String p : ARABIC_ARTICLE_PREFIXES) {
                PLACE_CUES.add(Words.hashOf(p + cue));
            }
        }
    }

    private Lexicon() {
    }

    static boolean isStopword(long wordHash) {
        return STOPWORDS.contains(wordHash);
    }

    /** Hash of the number a word spells, or 0. */
    static long numberWord(long wordHash) {
        return NUMBER_WORDS.get(wordHash);
    }

    /** Place index + 1 of a one-word place name, or 0. */
    static long place(long wordHash) {
        return PLACES.get(wordHash);
    }

    /** Place index + 1 of a two-word place name, or 0. */
    static long place(long firstWordHash, long secondWordHash) {
        if (!PLACE_FIRST_WORDS.contains(firstWordHash)) {
            return 0L;
        }
        return PLACES.get(Words.pair(firstWordHash, secondWordHash));
    }

    /** True for words like مدينة / بمنطقة that are followed by a place name. */
    static boolean isPlaceCue(long wordHash) {
        return PLACE_CUES.contains(wordHash);
    }

    private static void addPlace(String name, long id) {
        boolean arabic = name.charAt(0) >= 0x0600;
        List<String> forms = new ArrayList<>();
        if (arabic) {
            String bare = name.startsWith("ال") ? name.substring(2) : name;
            for (String p : ARABIC_PREFIXES) {
                forms.add(p + name);
            }
            if (name.startsWith("ال")) {
                for (String p : ARABIC_ARTICLE_PREFIXES) {
                    forms.add(p + bare);
                }
            }
        } else {
            forms.add(name);
        }
        for (String form : forms) {
            Words w = Words.scan(form, null);
            if (w.size == 1) {
                PLACES.put(w.hashes[0], id);
            } else if (w.size == 2) {
                PLACE_FIRST_WORDS.add(w.hashes[0]);
                PLACES.put(Words.pair(w.hashes[0], w.hashes[1]), id);
            }
        }
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Open-addressing long → long map (0 = absent) for the fixed lexicons. */
    static final class LongLongMap {
        private final long[] keys;
        private final long[] values;

        LongLongMap(int capacity) {
            int cap = Integer.highestOneBit(capacity * 2 - 1) << 1;
            keys = new long[cap];
            values = new long[cap];
        }

        void put(long key, long value) {
            int mask = keys.length - 1;
            int i = (int) Words.mix(key) & mask;
            while (keys[i] != 0L && keys[i] != key) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        long get(long key) {
            int mask = keys.length - 1;
            int i = (int) Words.mix(key) & mask;
            while (keys[i] != 0L) {
                if (keys[i] == key) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return 0L;
        }
    }
}
