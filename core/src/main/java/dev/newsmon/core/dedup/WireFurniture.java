package dev.newsmon.core.dedup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wire item that each outlet adds or drops when it republishes it: the dateline before the first
 * sentence ("بنغازي - وكالات:", "طرابلس (رويترز) -", "CAIRO (MENA) -", "MOSCOW, March 4 (AFP) -",
 * "كتب - محمد السيد:") and a closing credit line ("(وكالة الأنباء الليبية)", "المصدر: …",
 * "(Reporting by …; Editing by …)"). They say who carried the story, not what it says, so they never count for or
 * against a match: {@link #blank(String)} replaces them with spaces (offsets kept, so entity spans still apply).
 *
 * <p>Limit: a place named only in the dateline is not a fact of the article (two briefs that differ only in their
 * dateline town look alike); real briefs name their place in the text as well.
 */
final class WireFurniture {

    /** Agencies and desks a dateline credits, folded forms not needed: matched on the raw text. */
    private static final String AGENCY = "(?:وكالات|وكالة [\\p{L}]+(?: [\\p{L}]+){0,2}|رويترز|أ ?ف ?ب|ا ?ف ?ب|أ ?ش ?أ"
            + "|ا ?ش ?ا|أ ?ب|د ?ب ?أ|سبوتنيك|إنترفاكس|انترفاكس|تاس|الأناضول|الاناضول|شينخوا|وال|واس|وام|قنا|بترا|سانا"
            + "|[\\p{L}]+ الوسط|بوابة [\\p{L}]+|ليبيا [\\p{L}]+|موقع [\\p{L}]+|خاص|Reuters|AFP|AP|MENA|dpa|Xinhua|TASS"
            + "|Interfax|Anadolu|Bloomberg|LANA|Sputnik|RIA)";
    private static final String SEP = "\\s*[-–—]\\s*";
    /** A place (one to three words, or an upper-case Latin name with an optional "/" and a date) before the dash. */
    private static final String PLACE = "(?:[\\p{IsArabic}]+(?: [\\p{IsArabic}]+){0,2}"
            + "|[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+){0,2}(?:,? [A-Z][a-z]{2,8}\\.? \\d{1,2})?"
            + "|[A-Z][a-z]+(?:,? [A-Z][a-z]{2,8}\\.? \\d{1,2})?)";
    private static final Pattern DATELINE = Pattern.compile("^\\s*(?:"
            // طرابلس (رويترز) -   CAIRO (MENA) -   MOSCOW, March 4 (AFP) -   غدامس (ليبيا) -
            + PLACE + "\\s*\\([^()\\n]{1,30}\\)" + SEP
            // بنغازي - وكالات:   باماكو - (أ ف ب):   طبرق - بوابة الوسط:   سرت - أ ش أ:
            + "|" + PLACE + SEP + "\\(?" + AGENCY + "\\)?\\s*[:：]"
            // كتب - محمد السيد:   كتبت: فلانة -
            + "|(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير)\\s*[-–—:]\\s*[\\p{L}]+(?: [\\p{L}]+){0,3}\\s*[:：-]"
            + ")\\s*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CREDIT = Pattern.compile("^\\s*(?:"
            + "\\([^()\\n]{2,200}\\)"
            + "|(?:المصدر|مصدر الخبر|المصادر|شارك في (?:إعداد|اعداد|كتابة|تحرير)(?: الخبر| التقرير)?|إعداد|اعداد|تحرير"
            + "|ترجمة|Source|Sources|Reporting by|Additional reporting by|Writing by|Editing by|Compiled by)"
            + "\\s*[:：]?\\s*[^\\n]{1,160}"
            + ")\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_CREDIT_WORDS = 24;

    private WireFurniture() {
    }

    /** {@code text} with its dateline and closing credit line replaced by spaces; the same string when it has none. */
    static String blank(String text) {
        char[] out = null;
        Matcher d = DATELINE.matcher(text);
        if (d.lookingAt() && d.end() < text.length()) {
            out = text.toCharArray();
            fill(out, 0, d.end());
        }
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = Math.max(text.lastIndexOf('\n', end - 1) + 1, 0);
        if (start > 0) {
            String last = text.substring(start, end);
            if (last.split("\\s+").length <= MAX_CREDIT_WORDS && CREDIT.matcher(last).matches()) {
                out = out == null ? text.toCharArray() : out;
                fill(out, start, end);
            }
        }
        return out == null ? text : new String(out);
    }

    private static void fill(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
    }
}
