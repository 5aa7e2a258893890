package dev.newsmon.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that wraps only at spaces. picocli wraps with the JDK's line break rules, which break after a dot or a
 * hyphen inside a token ({@code security.} / {@code protocol=SASL_SSL}), so a copied example no longer works. Each
 * section is rendered on one long line per entry and then wrapped here at white space, with picocli's indentation.
 */
final class HelpLayout {

    /** Wide enough that picocli never wraps an entry itself. */
    private static final int UNWRAPPED = 10_000;
    /** picocli indents the wrapped lines of an option's description by two more columns than the first. */
    private static final int CONTINUATION_EXTRA = 2;
    /** An entry line: its name column, then two or more spaces, then the text column. */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*\\S.*?\\s{2,})\\S");

    private HelpLayout() {
    }

    /** Installs the wrapping for this command and every subcommand (the synopsis keeps picocli's own layout). */
    static void apply(CommandLine cli) {
        Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        for (String key : new ArrayList<>(sections.keySet())) {
            if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                continue;
            }
            IHelpSectionRenderer original = sections.get(key);
            sections.put(key, help -> renderUnwrapped(original, help));
        }
        cli.setHelpSectionMap(sections);
    }

    private static String renderUnwrapped(IHelpSectionRenderer original, Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        boolean auto = usage.autoWidth();
        usage.autoWidth(false);
        usage.width(UNWRAPPED);
        try {
            return wrap(original.render(new Help(help.commandSpec(), help.colorScheme())), width);
        } finally {
            usage.width(width);
            usage.autoWidth(auto);
        }
    }

    /** Wraps every line longer than {@code width} at spaces; a token longer than a line stays whole. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        int column = textColumn(lines);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            out.append(line.length() <= width ? line : String.join("\n", wrapLine(line, width, column)));
        }
        return out.toString();
    }

    /**
     * Where the text column of this section's entries starts (the most common start), or -1: an option name that
     * fills its column is followed by one space only, and its text still belongs to that column.
     */
    private static int textColumn(String[] lines) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (String line : lines) {
            Matcher entry = ENTRY.matcher(line);
            if (line.startsWith(" ") && entry.find()) {
                counts.merge(entry.end(1), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse(-1);
    }

    private static List<String> wrapLine(String line, int width, int column) {
        int indent = continuationIndent(line);
        if (column > 0 && line.startsWith(" ") && !ENTRY.matcher(line).find() && line.length() > column
                && line.charAt(column - 1) == ' ') {
            indent = column + CONTINUATION_EXTRA;
        }
        if (indent >= width / 2) {
            indent = Math.min(indent, width / 3);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int pos = 0;
        // the leading white space and, for an entry, its name column belong to the first line as they are
        Matcher entry = ENTRY.matcher(line);
        int firstTextStart = entry.find() ? entry.end(1) : leadingSpaces(line);
        current.append(line, 0, firstTextStart);
        pos = firstTextStart;
        boolean lineHasWord = false;
        while (pos < line.length()) {
            int wordEnd = line.indexOf(' ', pos);
            if (wordEnd < 0) {
                wordEnd = line.length();
            }
            String word = line.substring(pos, wordEnd);
            if (!word.isEmpty()) {
                if (lineHasWord && current.length() + 1 + word.length() > width) {
                    out.add(current.toString().stripTrailing());
                    current.setLength(0);
                    current.append(" ".repeat(indent));
                    lineHasWord = false;
                }
                if (lineHasWord) {
                    current.append(' ');
                }
                current.append(word);
                lineHasWord = true;
            }
            pos = wordEnd + 1;
        }
        out.add(current.toString().stripTrailing());
        return out;
    }

    private static int continuationIndent(String line) {
        Matcher entry = ENTRY.matcher(line);
        if (entry.find()) {
            return entry.end(1) + CONTINUATION_EXTRA;
        }
        int lead = leadingSpaces(line);
        return lead == 0 ? 0 : lead + CONTINUATION_EXTRA;
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
