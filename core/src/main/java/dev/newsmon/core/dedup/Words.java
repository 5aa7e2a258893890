package dev.newsmon.core.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text as 64-bit hashes, folded the way dedup compares text, in one pass without building
 * strings. Folding follows the project's Arabic/Latin rules (docs/DEDUP.md): harakat, tatweel, zero-width and
 * bidi marks dropped; أ إ آ ٱ → ا, ى ی ئ → ي, ة → ه, ؤ → و, ک → ك, ڤ → ف, گ → غ, پ → ب, چ → ج; Arabic-Indic
 * and Persian digits → 0-9; Latin lower-cased (Locale.ROOT) with accents stripped. Digit groups written with
 * separators ("6,000", "٦٬٠٠٠") are one number; a decimal point stays part of it.
 *
 * <p>This is a fast private copy of the text module's normalization: dedup only needs both sides folded the
 * same way, and the fingerprint budget (≤ 40 µs for 6 KB) leaves no room for per-character strings.
 */
final class Words {

    static final byte NUMBER = 1;
    static final byte CAPITALIZED = 2;
    static final byte SENTENCE_START = 4;

    private static final int SEPARATOR = -1;
    private static final int IGNORED = -2;
    private static final int TABLE_SIZE = 0x0800;
    private static final int[] FOLD = new int[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            FOLD[c] = computeFold((char) c);
        }
    }

    final long[] hashes;
    final byte[] flags;
    /** Where each word starts and ends (exclusive) in the scanned text. */
    final int[] starts;
    final int[] ends;
    final int size;

    private Words(long[] hashes, byte[] flags, int[] starts, int[] ends, int size) {
        this.hashes = hashes;
        this.flags = flags;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    boolean is(int index, byte flag) {
        return (flags[index] & flag) != 0;
    }

    /** The words of {@code text}; when {@code folded} is not null the folded words are appended to it. */
    static Words scan(String text, StringBuilder folded) {
        int n = text.length();
        long[] hashes = new long[Math.max(8, n / 4)];
        byte[] flags = new byte[hashes.length];
        int[] starts = new int[hashes.length];
        int[] ends = new int[hashes.length];
        int count = 0;
        int start = 0;
        int end = 0;
        long h = FNV_OFFSET;
        // "و39", "ب2024": a one-letter proclitic glued to a figure. The word is that number (same hash, NUMBER flag),
        // so "و39 درجة" and "و32 درجة" differ in a figure, as "39" and "32" do.
        long digitsHash = FNV_OFFSET;
        boolean procliticNumber = false;
        int wordChars = 0;
        boolean numeric = true;
        boolean capitalized = false;
        boolean boundarySeen = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int f = fold(c);
            if (f == SEPARATOR && wordChars > 0 && (numeric || procliticNumber) && isNumberSeparator(c) && i + 1 < n
                    && isDigit(fold(text.charAt(i + 1)))) {
                if (c == '.' || c == '\u066B') {
                    f = '.';
                } else {
                    continue;
                }
            }
            if (f == IGNORED) {
                continue;
            }
            if (f == SEPARATOR) {
                if (wordChars > 0) {
                    if (count == hashes.length) {
                        hashes = Arrays.copyOf(hashes, count * 2);
                        flags = Arrays.copyOf(flags, count * 2);
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    boolean number = numeric || procliticNumber && wordChars > 1;
                    hashes[count] = mix(numeric || !number ? h : digitsHash);
                    starts[count] = start;
                    ends[count] = end;
                    flags[count] = (byte) ((number ? NUMBER : 0) | (capitalized ? CAPITALIZED : 0)
                            | (boundarySeen ? SENTENCE_START : 0));
                    count++;
                    h = FNV_OFFSET;
                    digitsHash = FNV_OFFSET;
                    procliticNumber = false;
                    wordChars = 0;
                    numeric = true;
                    boundarySeen = false;
                }
                if (isBoundary(c)) {
                    boundarySeen = true;
                }
                continue;
            }
            boolean digit = f >= '0' && f <= '9' || f == '.';
            if (wordChars == 0) {
                capitalized = c < 0x0250 && Character.isUpperCase(c);
                start = i;
                procliticNumber = isProclitic(f);
            } else if (procliticNumber) {
                procliticNumber = digit && (wordChars > 1 || f != '.');
                digitsHash = (digitsHash ^ f) * FNV_PRIME;
            }
            end = i + 1;
            if (!digit) {
                numeric = false;
            }
            h = (h ^ f) * FNV_PRIME;
            if (folded != null) {
                if (wordChars == 0 && count > 0) {
                    folded.append(' ');
                }
                folded.append((char) f);
            }
            wordChars++;
        }
        if (wordChars > 0) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count + 1);
                flags = Arrays.copyOf(flags, count + 1);
                starts = Arrays.copyOf(starts, count + 1);
                ends = Arrays.copyOf(ends, count + 1);
            }
            boolean number = numeric || procliticNumber && wordChars > 1;
            hashes[count] = mix(numeric || !number ? h : digitsHash);
            starts[count] = start;
            ends[count] = end;
            flags[count] = (byte) ((number ? NUMBER : 0) | (capitalized ? CAPITALIZED : 0)
                    | (boundarySeen ? SENTENCE_START : 0));
            count++;
        }
        return new Words(hashes, flags, starts, ends, count);
    }

    /** و ف ب ل ك (folded): the one-letter proclitics that are written glued to a figure. */
    private static boolean isProclitic(int folded) {
        return folded == 'و' || folded == 'ف' || folded == 'ب' || folded == 'ل' || folded == 'ك';
    }

    /** Hash of one word (or a phrase: its words' hashes chained), folded like {@link #scan}. */
    static long hashOf(String phrase) {
        Words w = scan(phrase, null);
        if (w.size == 0) {
            return 0L;
        }
        long h = w.hashes[0];
        for (int i = 1; i < w.size; i++) {
            h = pair(h, w.hashes[i]);
        }
        return h;
    }

    /** Order-sensitive combination of two word hashes (used for two-word names). */
    static long pair(long first, long second) {
        return mix(first * 0x9E3779B97F4A7C15L + Long.rotateLeft(second, 29));
    }

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static boolean isDigit(int f) {
        return f >= '0' && f <= '9';
    }

    private static boolean isNumberSeparator(char c) {
        return c == ',' || c == '.' || c == '\u066B' || c == '\u066C';
    }

    private static boolean isBoundary(char c) {
        switch (c) {
            case '.', '!', '?', '\u061F', ':', ';', '\n', '"', '\u00AB', '\u00BB', '\u201C', '\u201D', '(', ')',
                    '\u2013', '\u2014', '|', '\u2022':
                return true;
            default:
                return false;
        }
    }

    static int fold(char c) {
        if (c < TABLE_SIZE) {
            return FOLD[c];
        }
        return foldRare(c);
    }

    private static int foldRare(char c) {
        if (c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0xFEFF) {
            return IGNORED;
        }
        if (Character.isSurrogate(c)) {
            // Letters outside the BMP are rare in news; keep them as word characters, unfolded.
            return c;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
            return IGNORED;
        }
        if (!Character.isLetterOrDigit(c)) {
            return SEPARATOR;
        }
        // Presentation forms and full-width letters: compatibility-decompose, then fold the base letter.
        String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        char base = nfkc.isEmpty() ? c : nfkc.charAt(0);
        if (base < TABLE_SIZE && FOLD[base] >= 0) {
            return FOLD[base];
        }
        return Character.toLowerCase(base);
    }

    private static int computeFold(char c) {
        if (c >= 0x064B && c <= 0x0652 || c == 0x0670 || c == 0x0640 || c >= 0x0610 && c <= 0x061A
                || c >= 0x06D6 && c <= 0x06ED || c == 0x00AD) {
            return IGNORED;
        }
        switch (c) {
            case 0x0623, 0x0625, 0x0622, 0x0671:
                return 0x0627;
            case 0x0649, 0x06CC, 0x0626:
                return 0x064A;
            case 0x0629:
                return 0x0647;
            case 0x0624:
                return 0x0648;
            case 0x06A9:
                return 0x0643;
            case 0x06A4:
                return 0x0641;
            case 0x06AF:
                return 0x063A;
            case 0x067E:
                return 0x0628;
            case 0x0686:
                return 0x062C;
            default:
                break;
        }
        if (c >= 0x0660 && c <= 0x0669) {
            return '0' + c - 0x0660;
        }
        if (c >= 0x06F0 && c <= 0x06F9) {
            return '0' + c - 0x06F0;
        }
        if (c < 0x80) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c;
            }
            if (c >= 'A' && c <= 'Z') {
                return c + ('a' - 'A');
            }
            return SEPARATOR;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return IGNORED;
        }
        if (!Character.isLetterOrDigit(c)) {
            return SEPARATOR;
        }
        if (c < 0x0250) {
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            return nfd.toLowerCase(Locale.ROOT).charAt(0);
        }
        return Character.toLowerCase(c);
    }
}
