package dev.newsmon.core.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Normalizes Arabic and Latin text for matching and hashing, keeping a map from every normalized character back
 * to the original text. The rules (docs/TEXT.md has the reasons):
 * <ol>
 *   <li>Removed: harakat and the other Arabic combining marks U+064B..U+065F, superscript alef U+0670, Quranic
 *       annotation marks, tatweel U+0640, zero-width and bidi controls (U+200B..U+200F, U+202A..U+202E,
 *       U+2060..U+2064, U+2066..U+2069, U+061C, BOM), soft hyphen, and every other combining mark (Latin
 *       accents after decomposition).</li>
 *   <li>Alef forms: أ إ آ ٱ (and wavy-hamza alefs) → ا.</li>
 *   <li>Ya forms: ى → ي; Persian/Urdu ی ې → ي.</li>
 *   <li>Ta marbuta: ة → ه (also ۀ ە ہ ھ → ه).</li>
 *   <li>Hamza seats: ؤ → و, ئ → ي, and the hamza on the line ء is dropped, so الشاطئ, الشاطىء and الشاطيء
 *       all read الشاطي.</li>
 *   <li>Letters for foreign sounds: ڤ ڥ → ف; گ → غ; ڨ → ق; پ → ب; چ → ج; ژ → ز; ک ڪ → ك.</li>
 *   <li>Digits: Arabic-Indic U+0660..U+0669 and Persian U+06F0..U+06F9 → 0-9 (other digits via NFKC).</li>
 *   <li>Punctuation: « » „ “ ” ‟ → "; ‘ ’ ‚ ‛ → '; dashes U+2010..U+2015 and minus → -; Arabic comma,
 *       semicolon, question mark, full stop and percent → their ASCII forms.</li>
 *   <li>Latin and other scripts: NFKC, accents stripped, case folded with {@link Locale#ROOT} (ß → ss,
 *       ı → i, œ → oe).</li>
 *   <li>White space: a run of spaces (NBSP and every other Unicode space included) becomes one ' ', or one
 *       '\n' when the run holds a line break; leading and trailing white space is dropped.</li>
 *   <li>An unpaired surrogate becomes U+FFFD.</li>
 * </ol>
 * Every rule maps one code point to a fixed string, so the rules live in a table computed once; the hot loop
 * is a table lookup per character and allocates nothing but the output. Normalization is idempotent.
 */
public final class TextNormalizer {

    // Arabic letters, named as in the Unicode standard.
    static final char HAMZA = '\u0621';
    static final char ALEF_WITH_MADDA_ABOVE = '\u0622';
    static final char ALEF_WITH_HAMZA_ABOVE = '\u0623';
    static final char WAW_WITH_HAMZA_ABOVE = '\u0624';
    static final char ALEF_WITH_HAMZA_BELOW = '\u0625';
    static final char YEH_WITH_HAMZA_ABOVE = '\u0626';
    static final char ALEF = '\u0627';
    static final char BEH = '\u0628';
    static final char TEH_MARBUTA = '\u0629';
    static final char JEEM = '\u062C';
    static final char ZAIN = '\u0632';
    static final char GHAIN = '\u063A';
    static final char TATWEEL = '\u0640';
    static final char FEH = '\u0641';
    static final char QAF = '\u0642';
    static final char KAF = '\u0643';
    static final char HEH = '\u0647';
    static final char WAW = '\u0648';
    static final char ALEF_MAKSURA = '\u0649';
    static final char YEH = '\u064A';
    static final char FATHATAN = '\u064B';
    static final char LAST_ARABIC_MARK = '\u065F';
    static final char SUPERSCRIPT_ALEF = '\u0670';
    static final char ALEF_WASLA = '\u0671';
    static final char ALEF_WITH_WAVY_HAMZA_ABOVE = '\u0672';
    static final char ALEF_WITH_WAVY_HAMZA_BELOW = '\u0673';
    static final char HIGH_HAMZA_ALEF = '\u0675';
    static final char PEH = '\u067E';
    static final char TCHEH = '\u0686';
    static final char JEH = '\u0698';
    static final char VEH = '\u06A4';
    static final char FEH_WITH_THREE_DOTS_BELOW = '\u06A5';
    static final char QAF_WITH_THREE_DOTS_ABOVE = '\u06A8';
    static final char KEHEH = '\u06A9';
    static final char SWASH_KAF = '\u06AA';
    static final char GAF = '\u06AF';
    static final char HEH_DOACHASHMEE = '\u06BE';
    static final char HEH_WITH_YEH_ABOVE = '\u06C0';
    static final char HEH_GOAL = '\u06C1';
    static final char FARSI_YEH = '\u06CC';
    static final char E = '\u06D0';
    static final char AE = '\u06D5';
    static final char ARABIC_COMMA = '\u060C';
    static final char ARABIC_SEMICOLON = '\u061B';
    static final char ARABIC_LETTER_MARK = '\u061C';
    static final char ARABIC_QUESTION_MARK = '\u061F';
    static final char ARABIC_PERCENT_SIGN = '\u066A';
    static final char ARABIC_DECIMAL_SEPARATOR = '\u066B';
    static final char ARABIC_THOUSANDS_SEPARATOR = '\u066C';
    static final char ARABIC_FULL_STOP = '\u06D4';

    /** What the table says about one UTF-16 unit. */
    static final byte COPY = 0;
    static final byte REMOVE = 1;
    static final byte SPACE = 2;
    static final byte NEWLINE = 3;
    static final byte EXPAND = 4;
    static final byte SURROGATE = 5;

    private static final char[] FOLD = new char[0x10000];
    private static final byte[] KIND = new byte[0x10000];
    /** Characters that fold to more than one character (ligatures, ß, presentation forms). */
    private static final Map<Character, String> EXPANSIONS = new HashMap<>();

    static {
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                KIND[c] = SURROGATE;
                continue;
            }
            String folded = foldToFixedPoint(c);
            if (folded.isEmpty()) {
                KIND[c] = REMOVE;
            } else if (folded.equals("\n")) {
                KIND[c] = NEWLINE;
            } else if (folded.equals(" ")) {
                KIND[c] = SPACE;
            } else if (folded.length() == 1) {
                FOLD[c] = folded.charAt(0);
            } else {
                KIND[c] = EXPAND;
                EXPANSIONS.put((char) c, folded);
            }
        }
    }

    private TextNormalizer() {
    }

    /** Normalizes {@code original} (null reads as empty). Never throws. */
    public static NormalizedText normalize(String original) {
        String source = original == null ? "" : original;
        NormalizedBuffer buffer = new NormalizedBuffer(source.length() + 16);
        normalizeInto(source, buffer);
        return buffer.toNormalizedText();
    }

    /**
     * Normalizes {@code original} into a reusable buffer: the allocation-free path for callers that normalize
     * many texts on one thread (the tagger). The buffer is cleared first.
     */
    public static void normalizeInto(String original, NormalizedBuffer out) {
        String source = original == null ? "" : original;
        out.reset(source);
        // Every code unit gives at most one char except expansions, so the buffer (sized to the source) only
        // has to grow on the expansion path; the common path writes straight into the arrays.
        char[] chars = out.charArray();
        int[] map = out.offsetArray();
        char[] in = out.sourceChars();
        int len = 0;
        byte pending = COPY;
        int pendingAt = 0;
        // A white-space run other than one plain space (line breaks, NBSP, several spaces) is recorded, so that
        // snippets know where the original needs collapsing (Snippets.of(NormalizedBuffer)).
        boolean irregular = false;
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char unit = in[i];
            byte unitKind = KIND[unit];
            if (unitKind == COPY && pending == COPY) {
                // The common case, a letter inside a word: one table read, one write.
                chars[len] = FOLD[unit];
                map[len++] = i;
                continue;
            }
            if (unitKind == REMOVE) {
                continue;
            }
            int origin = i;
            String expansion = null;
            if (unitKind >= EXPAND) {
                boolean pair = unitKind == SURROGATE && Character.isHighSurrogate(unit) && i + 1 < n
                        && Character.isLowSurrogate(in[i + 1]);
                expansion = unitKind == EXPAND ? EXPANSIONS.get(unit)
                        : pair ? foldSupplementary(Character.toCodePoint(unit, in[i + 1])) : "\uFFFD";
                if (pair) {
                    i++;
                }
                out.setLength(len);
                out.ensureCapacity(len + expansion.length() + 1 + (n - i));
                chars = out.charArray();
                map = out.offsetArray();
            }
            int units = expansion == null ? 1 : expansion.length();
            for (int u = 0; u < units; u++) {
                // Expansions are already folded: their chars are copied, or are white space.
                char c = expansion == null ? FOLD[unit] : expansion.charAt(u);
                byte kind = expansion == null ? unitKind : KIND[c] == SPACE || KIND[c] == NEWLINE ? KIND[c] : COPY;
                if (kind == COPY) {
                    if (pending != COPY) {
                        if (len > 0) {
                            chars[len] = pending == NEWLINE ? '\n' : ' ';
                            map[len++] = pendingAt;
                        }
                        if (irregular) {
                            out.addIrregularSpace(pendingAt, origin);
                        }
                        pending = COPY;
                    }
                    chars[len] = c;
                    map[len++] = origin;
                } else if (pending == COPY) {
                    pending = kind;
                    pendingAt = origin;
                    irregular = unit != ' ' || expansion != null;
                } else {
                    irregular = true;
                    if (kind == NEWLINE) {
                        pending = NEWLINE;
                    }
                }
            }
        }
        if (pending != COPY && irregular) {
            out.addIrregularSpace(pendingAt, n);
        }
        out.setLength(len);
    }

    /** True when the code unit disappears under normalization (marks, tatweel, invisible controls). */
    static boolean isRemoved(char c) {
        return KIND[c] == REMOVE;
    }

    /** The normalized form of a whole string, without the offset map. */
    public static String normalizedString(String s) {
        return normalize(s).text();
    }

    private static String foldSupplementary(int cp) {
        return foldToFixedPoint(cp);
    }

    /** Applies {@link #foldCodePoint} until nothing changes, so the table is idempotent by construction. */
    private static String foldToFixedPoint(int cp) {
        String current = foldCodePoint(cp);
        for (int round = 0; round < 4; round++) {
            StringBuilder next = new StringBuilder(current.length());
            int i = 0;
            while (i < current.length()) {
                int c = current.codePointAt(i);
                i += Character.charCount(c);
                next.append(foldCodePoint(c));
            }
            String n = next.toString();
            if (n.equals(current)) {
                return current;
            }
            current = n;
        }
        return current;
    }

    /** One step of the rules for one code point: "" when removed, " " or "\n" for white space. */
    static String foldCodePoint(int cp) {
        if (isInvisible(cp)) {
            return "";
        }
        if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            return "\n";
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL) {
            return " ";
        }
        String arabic = foldArabic(cp);
        if (arabic != null) {
            return arabic;
        }
        String punctuation = foldPunctuation(cp);
        if (punctuation != null) {
            return punctuation;
        }
        if (cp < 0x80) {
            return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return "";
        }
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            // Hangul syllables: decomposition would turn them into jamo, which helps nobody here.
            return new String(Character.toChars(cp));
        }
        String special = foldLatinSpecial(cp);
        if (special != null) {
            return special;
        }
        String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        String decomposed = Normalizer.normalize(compat, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> {
            int t = Character.getType(c);
            return t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK;
        }).forEach(out::appendCodePoint);
        return caseFold(out.toString());
    }

    /** Upper then lower case: folds ς → σ, ſ → s and the like; marks it may bring back go in the next round. */
    private static String caseFold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp >= 0x200B && cp <= 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2060 && cp <= 0x2064
                || cp >= 0x2066 && cp <= 0x2069 || cp == 0xFEFF || cp == 0x00AD || cp == ARABIC_LETTER_MARK
                || cp == 0x180E || cp == 0x034F;
    }

    private static String foldArabic(int cp) {
        if (cp >= FATHATAN && cp <= LAST_ARABIC_MARK || cp == SUPERSCRIPT_ALEF || cp == TATWEEL
                || cp >= 0x0610 && cp <= 0x061A || cp >= 0x06D6 && cp <= 0x06DC || cp >= 0x06DF && cp <= 0x06E4
                || cp == 0x06E7 || cp == 0x06E8 || cp >= 0x06EA && cp <= 0x06ED) {
            return "";
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return String.valueOf((char) ('0' + cp - 0x0660));
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return String.valueOf((char) ('0' + cp - 0x06F0));
        }
        return switch (cp) {
            case ALEF_WITH_MADDA_ABOVE, ALEF_WITH_HAMZA_ABOVE, ALEF_WITH_HAMZA_BELOW, ALEF_WASLA,
                    ALEF_WITH_WAVY_HAMZA_ABOVE, ALEF_WITH_WAVY_HAMZA_BELOW, HIGH_HAMZA_ALEF -> String.valueOf(ALEF);
            case ALEF_MAKSURA, FARSI_YEH, E, YEH_WITH_HAMZA_ABOVE -> String.valueOf(YEH);
            case TEH_MARBUTA, HEH_WITH_YEH_ABOVE, HEH_GOAL, HEH_DOACHASHMEE, AE -> String.valueOf(HEH);
            case WAW_WITH_HAMZA_ABOVE -> String.valueOf(WAW);
            case HAMZA -> "";
            case VEH, FEH_WITH_THREE_DOTS_BELOW -> String.valueOf(FEH);
            case GAF -> String.valueOf(GHAIN);
            case QAF_WITH_THREE_DOTS_ABOVE -> String.valueOf(QAF);
            case PEH -> String.valueOf(BEH);
            case TCHEH -> String.valueOf(JEEM);
            case JEH -> String.valueOf(ZAIN);
            case KEHEH, SWASH_KAF -> String.valueOf(KAF);
            case ARABIC_COMMA, ARABIC_THOUSANDS_SEPARATOR -> ",";
            case ARABIC_SEMICOLON -> ";";
            case ARABIC_QUESTION_MARK -> "?";
            case ARABIC_PERCENT_SIGN -> "%";
            case ARABIC_DECIMAL_SEPARATOR, ARABIC_FULL_STOP -> ".";
            default -> null;
        };
    }

    private static String foldPunctuation(int cp) {
        return switch (cp) {
            case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x301D, 0x301E -> "\"";
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC -> "'";
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D -> "-";
            default -> null;
        };
    }

    private static String foldLatinSpecial(int cp) {
        return switch (cp) {
            case 0x0131 -> "i"; // dotless i: Turkish names are written both ways in the press
            case 0x0152, 0x0153 -> "oe";
            case 0x00C6, 0x00E6 -> "ae";
            case 0x00D8, 0x00F8 -> "o";
            case 0x0110, 0x0111 -> "d";
            case 0x0141, 0x0142 -> "l";
            case 0x00DF, 0x1E9E -> "ss";
            case 0x00DE, 0x00FE -> "th";
            default -> null;
        };
    }
}
