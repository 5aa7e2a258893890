package dev.newsmon.core.extract;

import dev.newsmon.core.text.TextNormalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates: strict-but-forgiving parsing of date fields, and finding a date line near the top of a
 * plain-text article ("16 أبريل 2024, 10:12:02 ص", "الخميس 23 يناير 2020 01:10 م", "April 16, 2024").
 * Times without a zone are taken as UTC.
 */
public final class Dates {

    /** How much of the start of a text is searched for a date line. */
    static final int HEADER_CHARS = 1500;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            // Egyptian/Gulf transliterated months (normalized: ة→ه, أ→ا, ى→ي)
            Map.entry("يناير", 1), Map.entry("فبراير", 2), Map.entry("مارس", 3), Map.entry("ابريل", 4),
            Map.entry("مايو", 5), Map.entry("يونيو", 6), Map.entry("يونيه", 6),
            Map.entry("يوليو", 7), Map.entry("يوليه", 7), Map.entry("اغسطس", 8), Map.entry("سبتمبر", 9),
            Map.entry("اكتوبر", 10), Map.entry("نوفمبر", 11), Map.entry("ديسمبر", 12),
            // Levantine months
            Map.entry("شباط", 2), Map.entry("اذار", 3), Map.entry("نيسان", 4), Map.entry("ايار", 5),
            Map.entry("حزيران", 6), Map.entry("تموز", 7), Map.entry("اب", 8), Map.entry("ايلول", 9),
            // Maghrebi months
            Map.entry("جانفي", 1), Map.entry("فيفري", 2), Map.entry("افريل", 4), Map.entry("ماي", 5),
            Map.entry("جوان", 6), Map.entry("جويليه", 7), Map.entry("اوت", 8),
            // English
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11),
            Map.entry("december", 12), Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
            Map.entry("apr", 4), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final String MONTH_WORD = "([\\p{L}]+)";
    private static final String COMPOUND_LEVANTINE = "(كانون الثاني|كانون الاول|تشرين الاول|تشرين الثاني)";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s+(?:" + COMPOUND_LEVANTINE + "|" + MONTH_WORD + ")(?:\\s*/\\s*[\\p{L} ]+?)?,?\\s+(\\d{4})"
                    + "(?:[,\\s-]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(ص|م|am|pm)?)?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH_WORD + "\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2}))?");

    /** Day-month-year in digits, as Arabic sites write it: "24 - 04 - 2019", "24/04/2019". */
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})(?!\\d)");

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Dates() {
    }

    /**
     * Parses a date field: ISO-8601 instant, offset or local date-time, a date alone, RFC 1123 (feeds),
     * or epoch seconds/millis. Returns null for null/blank; throws {@link DateTimeException} when unreadable.
     */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant t = parseAnyForm(value.strip());
        // Years beyond four digits parse as ISO-8601 but overflow epoch milliseconds downstream.
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new DateTimeException("\"" + abbreviate(value.strip()) + "\" is outside the years 1 to 9999");
        }
        return t;
    }

    private static Instant parseAnyForm(String v) {
        if (v.matches("-?\\d{9,13}")) {
            long n = Long.parseLong(v);
            return v.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeException("\"" + abbreviate(v) + "\" is not an ISO-8601 date");
        }
    }

    /** Like {@link #parse} but null instead of an exception. */
    public static Instant parseLenient(String value) {
        try {
            return parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The first date written near the top of a text, if any. */
    public static Instant findInHeader(String text) {
        String head = text.length() > HEADER_CHARS ? text.substring(0, HEADER_CHARS) : text;
        String norm = TextNormalizer.normalize(head).text();
        return find(norm).orElse(null);
    }

    static Optional<Instant> find(String norm) {
        Instant best = null;
        int bestPos = Integer.MAX_VALUE;
        Matcher m = DAY_MONTH_YEAR.matcher(norm);
        while (m.find()) {
            Integer month = month(m.group(2) != null ? m.group(2) : m.group(3));
            if (month != null) {
                Instant t = at(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(1)), m.group(5),
                        m.group(6), m.group(7), m.group(8));
                if (t != null) {
                    best = t;
                    bestPos = m.start();
                    break;
                }
            }
        }
        Matcher e = MONTH_DAY_YEAR.matcher(norm);
        while (e.find() && e.start() < bestPos) {
            Integer month = month(e.group(1));
            if (month != null) {
                Instant t = at(Integer.parseInt(e.group(3)), month, Integer.parseInt(e.group(2)), null, null, null, null);
                if (t != null) {
                    best = t;
                    bestPos = e.start();
                    break;
                }
            }
        }
        Matcher iso = ISO_DATE.matcher(norm);
        if (iso.find() && iso.start() < bestPos) {
            Instant t = at(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), iso.group(4), iso.group(5), null, null);
            if (t != null) {
                best = t;
                bestPos = iso.start();
            }
        }
        Matcher numeric = NUMERIC_DATE.matcher(norm);
        while (numeric.find() && numeric.start() < bestPos) {
            Instant t = at(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                    Integer.parseInt(numeric.group(1)), null, null, null, null);
            if (t != null) {
                best = t;
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Integer month(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip();
        switch (w) {
            case "كانون الثاني":
                return 1;
            case "كانون الاول":
                return 12;
            case "تشرين الاول":
                return 10;
            case "تشرين الثاني":
                return 11;
            default:
                return MONTHS.get(w.toLowerCase(Locale.ROOT));
        }
    }

    private static Instant at(int year, int month, int day, String hour, String minute, String second, String ampm) {
        if (year < 1900 || year > 2200) {
            return null;
        }
        try {
            int h = hour == null ? 0 : Integer.parseInt(hour);
            int min = minute == null ? 0 : Integer.parseInt(minute);
            int s = second == null ? 0 : Integer.parseInt(second);
            if (ampm != null) {
                boolean pm = ampm.equals("م") || ampm.equals("pm");
                if (pm && h < 12) {
                    h += 12;
                } else if (!pm && h == 12) {
                    h = 0;
                }
            }
            return LocalDateTime.of(year, month, day, h, min, s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String abbreviate(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
