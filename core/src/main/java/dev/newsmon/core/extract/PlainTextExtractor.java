package dev.newsmon.core.extract;

import dev.newsmon.core.extract.BoilerplateLines.Kind;
import dev.newsmon.core.text.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the headline, main text and date of a plain-text article (a page saved as text). Never throws.
 *
 * <ul>
 *   <li>Page furniture is dropped by static rules ({@link BoilerplateLines}): headline tickers (one long line of
 *       headlines, or a block of six or more headline-sized lines before the article), share / "read also" /
 *       copyright / follow / notice / credit / weather / date / URL / breadcrumb lines, and everything after a
 *       tags / related / most-read heading in the second half of the text.</li>
 *   <li>The title is the first meaningful line: at least three words and twelve letters, not furniture, not a
 *       ticker, not a "- " bullet of the page header. A repeat of it right after is dropped.</li>
 *   <li>The date is the first date on the lines right after the title (the byline), else on the header lines
 *       before it, else near the top of the text; a site's "today is …" line above the headline is only used
 *       when the article gives none.</li>
 * </ul>
 */
public final class PlainTextExtractor {

    private static final int MIN_TITLE_LETTERS = 12;
    private static final int MIN_TITLE_WORDS = 4;
    /** When no line has four words, a three-word line will do. */
    private static final int MIN_SHORT_TITLE_WORDS = 3;
    private static final int MIN_TICKER_BLOCK = 6;
    /** A line this long is article prose: the page header is over. */
    private static final int PROSE_CHARS = 120;
    private static final int BYLINE_LINES = 6;

    private PlainTextExtractor() {
    }

    public static ExtractedPage extract(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ExtractedPage(null, "", null, null, null, null);
        }
        try {
            return extractLines(raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        } catch (RuntimeException | StackOverflowError e) {
            return new ExtractedPage(null, "", null, null, null, null);
        }
    }

    private static ExtractedPage extractLines(String[] rawLines) {
        int n = rawLines.length;
        String[] lines = new String[n];
        Kind[] kinds = new Kind[n];
        boolean[] dropped = new boolean[n];
        for (int i = 0; i < n; i++) {
            lines[i] = BoilerplateLines.strip(rawLines[i]);
            kinds[i] = lines[i].isEmpty() ? Kind.NONE : BoilerplateLines.classify(lines[i]);
            dropped[i] = lines[i].isEmpty() || kinds[i] != Kind.NONE || BoilerplateLines.isTickerLine(lines[i]);
        }
        int firstProse = firstProse(lines, dropped);
        int headlineAfterTicker = dropTickerBlocks(lines, kinds, dropped, 0, firstProse, true);
        int title = headlineAfterTicker >= 0 && isMeaningful(lines[headlineAfterTicker], MIN_SHORT_TITLE_WORDS)
                ? headlineAfterTicker : findTitle(lines, dropped, firstProse);
        String titleText = title < 0 ? null : lines[title];
        int bodyStart = title < 0 ? 0 : title + 1;
        int footer = footerStart(lines, kinds, bodyStart);
        dropTickerBlocks(lines, kinds, dropped, lastProse(lines, dropped, footer) + 1, footer, false);
        StringBuilder text = new StringBuilder();
        String titleNorm = titleText == null ? null : TextNormalizer.normalize(titleText).text();
        for (int i = bodyStart; i < footer; i++) {
            if (dropped[i] || i < firstProse && isHeaderBullet(lines[i])) {
                continue;
            }
            if (kinds[i] == Kind.NONE && i > 0 && isReadAlsoHeadline(lines, kinds, i)) {
                continue;
            }
            if (titleNorm != null && i <= title + BYLINE_LINES && TextNormalizer.normalize(lines[i]).text()
                    .equals(titleNorm)) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(lines[i]);
        }
        Instant published = date(lines, dropped, title);
        return new ExtractedPage(titleText, text.toString(), null, published, null, null);
    }

    private static int firstProse(String[] lines, boolean[] dropped) {
        for (int i = 0; i < lines.length; i++) {
            if (!dropped[i] && lines[i].length() >= PROSE_CHARS) {
                return i;
            }
        }
        return lines.length;
    }

    private static int lastProse(String[] lines, boolean[] dropped, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (!dropped[i] && lines[i].length() >= PROSE_CHARS) {
                return i;
            }
        }
        return end;
    }

    /**
     * Six or more headline-sized lines in a row, outside the article's prose: a ticker or a link list. When such a
     * run leads straight into the article ({@code beforeProse}), its last line is the article's own headline; its
     * index is returned (-1 when there is none).
     */
    private static int dropTickerBlocks(String[] lines, Kind[] kinds, boolean[] dropped, int from, int to,
            boolean beforeProse) {
        int runStart = -1;
        int runLength = 0;
        int kept = -1;
        for (int i = from; i <= to && i <= lines.length; i++) {
            // Lines the static rules already know (a date, the weather, a breadcrumb) end a run of headlines.
            boolean headline = i < to && i < lines.length && !lines[i].isEmpty() && kinds[i] == Kind.NONE
                    && !BoilerplateLines.isTickerLine(lines[i]) && BoilerplateLines.isHeadlineLike(lines[i]);
            boolean blank = i < to && i < lines.length && lines[i].isEmpty();
            if (headline) {
                if (runStart < 0) {
                    runStart = i;
                }
                runLength++;
            } else if (!blank) {
                if (runLength >= MIN_TICKER_BLOCK) {
                    int end = i;
                    if (beforeProse && onlyFurnitureBetween(lines, kinds, i, to)) {
                        while (end > runStart && lines[end - 1].isEmpty()) {
                            end--;
                        }
                        end--;
                        kept = end;
                    }
                    for (int k = runStart; k < end; k++) {
                        dropped[k] = true;
                    }
                }
                runStart = -1;
                runLength = 0;
            }
        }
        return kept;
    }

    /**
     * True when nothing but blank lines and known furniture (a date, a share line) stands between {@code from} and
     * the article's prose at {@code to}: a headline run that ends there ends with the article's own headline.
     */
    private static boolean onlyFurnitureBetween(String[] lines, Kind[] kinds, int from, int to) {
        for (int k = from; k < to && k < lines.length; k++) {
            if (!lines[k].isEmpty() && kinds[k] == Kind.NONE && !BoilerplateLines.isTickerLine(lines[k])) {
                return false;
            }
        }
        return true;
    }

    private static int findTitle(String[] lines, boolean[] dropped, int firstProse) {
        for (int minWords : new int[] {MIN_TITLE_WORDS, MIN_SHORT_TITLE_WORDS}) {
            for (int i = 0; i < lines.length; i++) {
                if (dropped[i] || i < firstProse && isHeaderBullet(lines[i])) {
                    continue;
                }
                if (isMeaningful(lines[i], minWords)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The page header's "- " / "• " lines (weather, date, share notices) before the article begins. */
    private static boolean isHeaderBullet(String line) {
        return (line.startsWith("- ") || line.startsWith("• ") || line.startsWith("* ")) && line.length() < PROSE_CHARS;
    }

    static boolean isMeaningful(String line, int minWords) {
        long letters = line.codePoints().filter(Character::isLetter).count();
        return letters >= MIN_TITLE_LETTERS && line.strip().split("\\s+").length >= minWords;
    }

    /** The first tags / related / most-read heading in the second half of the body, else the end. */
    private static int footerStart(String[] lines, Kind[] kinds, int bodyStart) {
        int half = bodyStart + (lines.length - bodyStart) / 2;
        for (int i = half; i < lines.length; i++) {
            if (kinds[i] == Kind.FOOTER_MARKER) {
                return i;
            }
        }
        return lines.length;
    }

    /** A short link-like line right below a bare "read also" heading. */
    private static boolean isReadAlsoHeadline(String[] lines, Kind[] kinds, int i) {
        int k = i - 1;
        int hops = 0;
        while (k >= 0 && (lines[k].isEmpty() || kinds[k] == Kind.NONE && BoilerplateLines.isHeadlineLike(lines[k]))
                && hops < 4) {
            k--;
            hops++;
        }
        return k >= 0 && kinds[k] == Kind.READ_ALSO && BoilerplateLines.classify(lines[k]) == Kind.READ_ALSO
                && TextNormalizer.normalize(lines[k]).text().split(" ").length <= 3
                && BoilerplateLines.isHeadlineLike(lines[i]);
    }

    private static Instant date(String[] lines, boolean[] dropped, int title) {
        if (title >= 0) {
            for (int i = title + 1; i < Math.min(lines.length, title + 1 + BYLINE_LINES); i++) {
                Instant t = dateOn(lines[i]);
                if (t != null) {
                    return t;
                }
            }
            for (int i = 0; i < title; i++) {
                if (!BoilerplateLines.isTickerLine(lines[i])) {
                    Instant t = dateOn(lines[i]);
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        StringBuilder head = new StringBuilder();
        for (int i = Math.max(0, title + 1); i < lines.length && head.length() < Dates.HEADER_CHARS; i++) {
            if (!dropped[i] || !BoilerplateLines.isTickerLine(lines[i])) {
                head.append(lines[i]).append('\n');
            }
        }
        return Dates.findInHeader(head.toString());
    }

    private static Instant dateOn(String line) {
        if (line.isEmpty() || line.length() > 200) {
            return null;
        }
        return Dates.find(TextNormalizer.normalize(line).text()).orElse(null);
    }
}
