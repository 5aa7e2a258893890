package dev.newsmon.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random inputs for property-style tests (for every generated input, a property must hold). Each case
 * carries its seed, so a failure names the exact input to reproduce; the same seeds run on every build.
 */
public final class RandomInputs {

    /** Code points worth hitting: Arabic letters and marks, Persian forms, bidi and zero-width controls, spaces,
     * Latin with accents, digits, quotes, surrogate pairs, and lone surrogates. */
    private static final int[][] RANGES = {
        {0x0020, 0x007E}, {0x00A0, 0x00FF}, {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x064B, 0x0652}, {0x0640, 0x0640},
        {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2066, 0x2069}, {0x2000, 0x200A}, {0x201C, 0x201E}, {0xFB50, 0xFDFF},
        {0xFE70, 0xFEFF}, {0x1F600, 0x1F64F}, {0x0300, 0x036F}, {0x0660, 0x0669}, {0x06F0, 0x06F9}, {0xD800, 0xDFFF},
        {0x0000, 0x001F}, {0x4E00, 0x4E50},
    };

    private RandomInputs() {
    }

    /** A generated input and the seed it came from. */
    public record Case<T>(long seed, T value) {
        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    /** {@code count} cases, each built from its own seeded {@link Random}. */
    public static <T> Stream<Case<T>> cases(long baseSeed, int count, Function<Random, T> generator) {
        return IntStream.range(0, count).mapToObj(i -> {
            long seed = baseSeed * 1_000_003L + i;
            return new Case<>(seed, generator.apply(new Random(seed)));
        });
    }

    /** A string of up to {@code maxLength} chars mixing the interesting ranges (may hold lone surrogates). */
    public static String unicode(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length + 2);
        while (s.length() < length) {
            int[] range = RANGES[r.nextInt(RANGES.length)];
            int cp = range[0] + r.nextInt(range[1] - range[0] + 1);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                s.append((char) cp);
            } else {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    /** A string of Arabic letters, spaces and the given extra characters. */
    public static String arabic(Random r, int maxLength, String extra) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (!extra.isEmpty() && r.nextInt(5) == 0) {
                s.append(extra.charAt(r.nextInt(extra.length())));
            } else {
                s.append((char) (0x0621 + r.nextInt(0x064A - 0x0621 + 1)));
            }
        }
        return s.toString();
    }

    public static byte[] bytes(Random r, int minLength, int maxLength) {
        byte[] b = new byte[minLength + r.nextInt(maxLength - minLength + 1)];
        r.nextBytes(b);
        return b;
    }

    /** Picks one of the options. */
    @SafeVarargs
    public static <T> T oneOf(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    /** A list of up to {@code maxSize} elements. */
    public static <T> List<T> list(Random r, int maxSize, Function<Random, T> element) {
        int n = r.nextInt(maxSize + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(r));
        }
        return out;
    }
}
