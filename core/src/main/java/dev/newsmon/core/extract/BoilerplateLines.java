package dev.newsmon.core.extract;

import dev.newsmon.core.text.TextNormalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static rules for lines that are page furniture rather than article text, in Arabic and English: share
 * buttons, "read also" links, copyright, follow/subscribe calls, reporting and cookie notices, source credits,
 * date and weather lines, bare URLs, and the headline tickers some sites print above the article. Lines are
 * matched after normalization ({@link TextNormalizer}: أ→ا, ة→ه, ى→ي, Latin lower-cased), so the patterns below
 * are written in that form.
 */
final class BoilerplateLines {

    enum Kind {
        NONE, SHARE, READ_ALSO, COPYRIGHT, FOLLOW, NOTICE, CREDIT, DATE, WEATHER, URL, BREADCRUMB,
        /** A heading after which a page lists tags, related stories or "most read": the article is over. */
        FOOTER_MARKER
    }

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS;
    /** Arabic letters only: Arabic punctuation (،) inside a character class must stay as it is. */
    private static final Pattern ARABIC_RUN = Pattern.compile("[\\p{InArabic}&&\\p{L}]+");
    private static final String SEP = "\\s*[:：\\-–—|»>،,.]";

    private static final Pattern SHARE = Pattern.compile(fold(
            "^(شارك|شاركها|شاركوا|شارك الخبر|شارك المقال|مشاركه|انشر|share|share this|share this (article|story)"
                    + "|share on|tweet|email|print|طباعه|ارسال|نسخ الرابط|انسخ الرابط|copy link|تم نسخ\\S*)\\b.*"),
            FLAGS);
    private static final Pattern SOCIAL_ONLY = Pattern.compile(fold(
            "^((facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|print|messenger|reddit|pinterest"
                    + "|فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|تلغرام|تيليجرام|تليجرام|لينكد ان|ماسنجر|طباعه|بريد)"
                    + "[\\s|·•,،/]*)+$"),
            FLAGS);
    private static final Pattern READ_ALSO = Pattern.compile(fold(
            "^(اقرا ايضا|اقرا كذلك|اقرا المزيد|اقرا|طالع ايضا|طالع|شاهد ايضا|شاهد|اقرا ايضا على|read also|also read"
                    + "|read more|see also|related|related story|related article|recommended|you may also like"
                    + "|you might also like|watch|more|قد يهمك|قد يعجبك|المزيد|مواضيع ذات صله|اخبار ذات صله"
                    + "|مقالات ذات صله|ذات صله)(" + SEP + ".*|\\s*)$"),
            FLAGS);
    private static final Pattern COPYRIGHT = Pattern.compile(fold(
            "(©|\\(c\\) ?\\d{4}|copyright|all rights reserved|جميع الحقوق محفوظه|حقوق النشر|حقوق الطبع"
                    + "|الحقوق محفوظه)"),
            FLAGS);
    private static final Pattern FOLLOW = Pattern.compile(fold(
            "^(تابعونا|تابعنا|تابعوا|follow us|follow|subscribe|اشترك|اشتركوا|للاشتراك|sign up|download (our|the) app"
                    + "|حمل تطبيق\\S*|حملوا تطبيق\\S*|نزل تطبيق\\S*|حمل التطبيق|get (the|our) app|انضم|انضموا|join us"
                    + "|join our)\\b.*|(انقر هنا|اضغط هنا|click here|tap here"
                    // app-download lines name the stores
                    + "|google play|app store|play store|جوجل بلاي|غوغل بلاي|اب ستور|متجر التطبيقات)"),
            FLAGS);
    private static final Pattern NOTICE = Pattern.compile(fold(
            "(شكرا على الابلاغ|حجب هذه الصوره|الابلاغ عن (خطا|محتوي)|report (an )?(error|this)|we use cookies"
                    + "|ملفات تعريف الارتباط|this site uses cookies|accept cookies|جار التحميل|loading\\.\\.\\.)"
                    + "|^(advertisement|اعلان|sponsored|محتوي مدفوع|برعايه|التعليقات|comments|\\d+ (comments|تعليق)"
                    + "|اضف تعليق|اضف تعليقا|add a comment|leave a comment|اترك تعليقا|الاكثر قراءه|most read)$"),
            FLAGS);
    private static final Pattern CREDIT = Pattern.compile(fold(
            "^(المصدر|مصدر الخبر|المصادر|source|sources|photo|صوره|الصوره|تصوير|credit|image|via|بواسطه|اعداد"
                    + "|تحرير|ترجمه|كتب|كتبه|بقلم|by)" + SEP + ".*"),
            FLAGS);
    private static final Pattern FOOTER_MARKER = Pattern.compile(fold(
            "^(كلمات مفتاحيه|الكلمات المفتاحيه|الكلمات الداله|الوسوم|وسوم|tags|topics|keywords|مواضيع ذات صله"
                    + "|اخبار ذات صله|مقالات ذات صله|اقرا ايضا|related|related articles|related news|related stories"
                    + "|more news|more stories|most read|most popular|الاكثر قراءه|الاكثر مشاهده|المزيد من الاخبار"
                    + "|اخر الاخبار|latest news|you may also like|قد يعجبك ايضا|recommended|تعليقات|التعليقات"
                    + "|comments)\\s*:?$"),
            FLAGS);
    private static final Pattern URL = Pattern.compile(fold("^(https?://|www\\.)\\S+$"), FLAGS);
    private static final Pattern BREADCRUMB = Pattern.compile(fold(
            "^(الرئيسيه|home|الصفحه الرئيسيه)(\\s*[>»/|›-]\\s*\\S.*)?$|^\\S+( \\S+)?( [>»›] \\S+( \\S+)?){1,}$"
                    // a navigation bar: four or more short sections split by bars or dots
                    + "|^[^|·•]{1,25}( [|·•] [^|·•]{1,25}){3,}$"),
            FLAGS);
    private static final Pattern WEATHER = Pattern.compile(fold("(℃|°c|°f|° c|درجه مئويه)"), FLAGS);
    /** Words that may stand next to a date on a date line: "نشر في … يوم", "updated on", weekdays, am/pm. */
    private static final Pattern DATE_WORDS = Pattern.compile(fold(
            "\\b(نشر|نشرت|في|يوم|بتاريخ|تاريخ النشر|اخر تحديث|تحديث|محدث|الساعه|منذ|published|updated|last updated"
                    + "|posted|on|at|am|pm|gmt|utc|ص|م|السبت|الاحد|الاثنين|الإثنين|الثلاثاء|الاربعاء|الخميس|الجمعه"
                    + "|saturday|sunday|monday|tuesday|wednesday|thursday|friday|يناير|فبراير|مارس|ابريل|مايو|يونيو|يونيه"
                    + "|يوليو|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|الثاني|الاول|شباط|اذار|نيسان|ايار|حزيران"
                    + "|تموز|اب|ايلول|تشرين|جانفي|فيفري|افريل|ماي|جوان|جويليه|اوت|january|february|march|april|may|june"
                    + "|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov"
                    + "|dec)\\b"),
            FLAGS);
    private static final Pattern TICKER_SEPARATOR = Pattern.compile(fold("[ \\t\\u00A0]{3,}|\\s[|•◄●■▪]\\s"));

    private BoilerplateLines() {
    }

    /**
     * Writes a pattern's Arabic in normalized form, as the lines it is matched on: each run of Arabic letters goes
     * through {@link TextNormalizer} itself (ى→ي, ة→ه, أ إ آ→ا, and its hamza rules: قراءة and الرئيسية are
     * written قراه and الرييسيه), so the patterns cannot drift from the normalizer.
     */
    private static String fold(String pattern) {
        return ARABIC_RUN.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(
                TextNormalizer.normalize(m.group()).text().strip()));
    }

    /** Strips white space at both ends, NBSP and other Unicode spaces included. */
    static String strip(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    static Kind classify(String line) {
        String norm = TextNormalizer.normalize(line).text().strip();
        if (norm.startsWith("- ") || norm.startsWith("• ") || norm.startsWith("* ")) {
            norm = norm.substring(2).strip();
        }
        if (norm.isEmpty()) {
            return Kind.NONE;
        }
        int len = norm.length();
        if (URL.matcher(norm).matches()) {
            return Kind.URL;
        }
        if (len <= 120 && FOOTER_MARKER.matcher(norm).matches()) {
            return Kind.FOOTER_MARKER;
        }
        if (len <= 160 && READ_ALSO.matcher(norm).matches()) {
            return Kind.READ_ALSO;
        }
        if (len <= 100 && (SHARE.matcher(norm).matches() || SOCIAL_ONLY.matcher(norm).matches())) {
            return Kind.SHARE;
        }
        if (len <= 200 && COPYRIGHT.matcher(norm).find()) {
            return Kind.COPYRIGHT;
        }
        if (len <= 140 && FOLLOW.matcher(norm).find()) {
            return Kind.FOLLOW;
        }
        if (len <= 160 && NOTICE.matcher(norm).find()) {
            return Kind.NOTICE;
        }
        if (len <= 120 && CREDIT.matcher(norm).matches()) {
            return Kind.CREDIT;
        }
        if (len <= 60 && WEATHER.matcher(norm).find()) {
            return Kind.WEATHER;
        }
        if (len <= 80 && isDateLine(norm)) {
            return Kind.DATE;
        }
        if (len <= 100 && BREADCRUMB.matcher(norm).matches()) {
            return Kind.BREADCRUMB;
        }
        return Kind.NONE;
    }

    /** A short line that is a date and little else (at most one leftover word, e.g. the outlet's name). */
    private static boolean isDateLine(String norm) {
        if (norm.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        String rest = DATE_WORDS.matcher(norm).replaceAll(" ").replaceAll("[\\d\\p{Punct}،\\s]+", " ").strip();
        return rest.isEmpty() || rest.split(" ").length <= 2 && rest.codePoints().filter(Character::isLetter)
                .count() <= 10;
    }

    /**
     * A line that is a run of headlines (a ticker or "latest news" bar flattened into one line): at least four
     * segments split by wide spacing or bullets, most of them headline-sized.
     */
    static boolean isTickerLine(String line) {
        if (line.length() < 160) {
            return false;
        }
        String[] parts = TICKER_SEPARATOR.split(line.strip());
        if (parts.length < 4) {
            return false;
        }
        int headlines = 0;
        for (String p : parts) {
            int words = p.strip().isEmpty() ? 0 : p.strip().split("\\s+").length;
            if (words >= 2 && words <= 30) {
                headlines++;
            }
        }
        return headlines >= 0.7 * parts.length;
    }

    /** Headline-sized: 3–25 words, no sentence inside it (a ticker or related-stories entry). */
    static boolean isHeadlineLike(String line) {
        String s = line.strip();
        if (s.length() < 15 || s.length() > 160) {
            return false;
        }
        int words = s.split("\\s+").length;
        if (words < 3 || words > 25) {
            return false;
        }
        String body = s.substring(0, s.length() - 1);
        return body.indexOf(". ") < 0 && body.indexOf("، ") < 0 || words <= 12;
    }
}
