package dev.newsmon.core.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Language of an article when the input does not say: by script, then by common words for Latin text. */
public final class Languages {

    private static final Pattern WORDS = Pattern.compile("[\\p{L}']+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "et", "est", "une", "dans",
            "pour", "qui", "que", "sur", "au", "aux", "avec", "pas", "ont", "été");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "was", "that", "for",
            "on", "with", "as", "by", "has", "have", "from", "it", "said");

    private Languages() {
    }

    /** An ISO 639-1 code ({@code ar}, {@code en}, {@code fr}) or {@code und}. */
    public static String detect(String title, String text) {
        String sample = (title == null ? "" : title) + " " + (text == null ? "" : text);
        if (sample.length() > 4000) {
            sample = sample.substring(0, 4000);
        }
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                arabic++;
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin++;
            }
        }
        if (arabic == 0 && latin == 0) {
            return "und";
        }
        if (arabic >= latin) {
            return "ar";
        }
        int en = 0;
        int fr = 0;
        var m = WORDS.matcher(sample.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (ENGLISH.contains(w)) {
                en++;
            } else if (FRENCH.contains(w)) {
                fr++;
            }
        }
        return fr > en ? "fr" : "en";
    }

    /** A declared language reduced to its primary tag ({@code ar-EG} → {@code ar}); null when blank. */
    public static String normalizeTag(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String primary = lang.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }
}
