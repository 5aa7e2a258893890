package dev.newsmon.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalizes Arabic and Latin text for matching and hashing, keeping an offset map to the original.
 *
 * <p>Rules (see docs/TEXT.md):
 * <ul>
 *   <li>removed: harakat U+064B..U+0652, superscript alef U+0670, tatweel U+0640, zero-width and bidi
 *       marks U+200B..U+200F, U+202A..U+202E, U+2066..U+2069, BOM, soft hyphen; Latin combining accents;</li>
 *   <li>unified: أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; Persian ی → ي, ک → ك; ڤ → ف; گ → غ;
 *       پ → ب; چ → ج; Arabic-Indic and Persian digits → 0-9; « » „ “ ” → "; ‘ ’ → ';</li>
 *   <li>Latin: NFKC, accents stripped, case folded with {@link Locale#ROOT};</li>
 *   <li>every run of white space (NBSP and other Unicode spaces included) becomes one ' '.</li>
 * </ul>
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] map = new int[Math.max(16, original.length() + 8)];
        boolean lastSpace = true;
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            String mapped = mapCodePoint(cp);
            for (int k = 0; k < mapped.length(); k++) {
                char c = mapped.charAt(k);
                if (c == ' ') {
                    if (lastSpace) {
                        continue;
                    }
                    lastSpace = true;
                } else {
                    lastSpace = false;
                }
                if (out.length() == map.length) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                map[out.length()] = i;
                out.append(c);
            }
            i += width;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return new NormalizedText(original, out.toString(), java.util.Arrays.copyOf(map, out.length()));
    }

    /** The normalized form of one code point: "" when removed, " " for any space. */
    static String mapCodePoint(int cp) {
        if (cp >= 0x064B && cp <= 0x0652 || cp == 0x0670 || cp == 0x0640) {
            return "";
        }
        if (cp >= 0x200B && cp <= 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069
                || cp == 0xFEFF || cp == 0x00AD) {
            return "";
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        switch (cp) {
            case 0x0623, 0x0625, 0x0622, 0x0671:
                return "\u0627";
            case 0x0649, 0x06CC, 0x0626:
                return "\u064A";
            case 0x0629:
                return "\u0647";
            case 0x0624:
                return "\u0648";
            case 0x06A9:
                return "\u0643";
            case 0x06A4:
                return "\u0641";
            case 0x06AF:
                return "\u063A";
            case 0x067E:
                return "\u0628";
            case 0x0686:
                return "\u062C";
            case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E:
                return "\"";
            case 0x2018, 0x2019:
                return "'";
            default:
                break;
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return String.valueOf((char) ('0' + cp - 0x0660));
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return String.valueOf((char) ('0' + cp - 0x06F0));
        }
        if (cp < 0x0080) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        if (Character.getType(cp) == Character.NON_SPACING_MARK && cp < 0x0600) {
            return "";
        }
        if (cp < 0x0600 || cp >= 0xFB00) {
            String nfkd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            StringBuilder folded = new StringBuilder(nfkd.length());
            nfkd.codePoints()
                    .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                    .forEach(folded::appendCodePoint);
            return folded.toString().toLowerCase(Locale.ROOT);
        }
        return new String(Character.toChars(cp));
    }
}
