package dev.newsmon.producers;

import dev.newsmon.core.extract.Dates;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed dates: ISO-8601 (Atom, dc:date) and RFC 822 as found in real RSS: optional weekday, 2- or 4-digit year,
 * optional seconds, numeric offsets with or without a colon, and the zone names RFC 822 allows (GMT, UT, EST, ...).
 */
final class FeedDates {

    private static final Pattern RFC822 = Pattern.compile(
            "^(?:[A-Za-z]{2,9},?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?[\\s-]+(\\d{2}|\\d{4}),?\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?\\s*$");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    private FeedDates() {
    }

    /** The instant, or null when the text is blank or unreadable. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        Matcher m = RFC822.matcher(v);
        if (!m.matches()) {
            // ISO-8601 (Atom, dc:date) and epoch numbers; RFC 822 goes first because java.time's RFC 1123 parser
            // reads a two-digit year "24" as the year 24.
            return Dates.parseLenient(v);
        }
        Integer month = MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        ZoneOffset offset = offset(m.group(7));
        if (offset == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)))
                    .toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.startsWith("+") || zone.startsWith("-")) {
            String digits = zone.replace(":", "");
            int sign = zone.startsWith("-") ? -1 : 1;
            try {
                return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(digits.substring(1, 3)),
                        sign * Integer.parseInt(digits.substring(3, 5)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        String upper = zone.toUpperCase(Locale.ROOT);
        Integer hours = ZONE_HOURS.get(upper);
        if (hours != null) {
            return ZoneOffset.ofHours(hours);
        }
        // RFC 822 military zones are ambiguous in practice (RFC 1123 says treat them as unknown): assume UTC.
        return upper.length() == 1 ? ZoneOffset.UTC : null;
    }
}
