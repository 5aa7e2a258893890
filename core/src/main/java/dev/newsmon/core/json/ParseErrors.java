package dev.newsmon.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON and YAML parse errors as sentences for people, with line and column: Jackson's messages name tokens
 * ({@code VALUE_STRING}), character codes and parser features ({@code Source: REDACTED (`StreamReadFeature…`)}).
 */
public final class ParseErrors {

    private record Rewrite(Pattern pattern, String replacement) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            rewrite("^Unexpected end-of-input: expected close marker for Object.*", "the text ends before the object is closed (a } is missing)"),
            rewrite("^Unexpected end-of-input: expected close marker for Array.*", "the text ends before the list is closed (a ] is missing)"),
            rewrite("^Unexpected end-of-input in VALUE_STRING.*", "the text ends inside a string (a closing \" is missing)"),
            rewrite("^Unexpected end-of-input in field name.*", "the text ends inside a field name (a closing \" is missing)"),
            rewrite("^Unexpected end-of-input.*", "the text ends too early"),
            rewrite("^Unrecognized token '(.*)': was expecting .*", "unknown word '$1': expected a string in double quotes, a number, an object, a list, true, false or null"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting double-quote to start field name.*", "unexpected character '$1': a field name in double quotes was expected"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Object entries.*", "unexpected character '$1': a comma between two fields of the object was expected"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Array entries.*", "unexpected character '$1': a comma between two items of the list was expected"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting a colon to separate field name and value.*", "unexpected character '$1': a colon between the field name and its value was expected"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): expected a valid value.*", "unexpected character '$1': a value (string, number, object, list, true, false or null) was expected"),
            rewrite("^Unexpected character \\('(.*?)' \\(code \\d+\\)\\)(.*)", "unexpected character '$1'$2"),
            rewrite("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", "a line break, tab or other control character inside a string must be written as an escape such as \\\\n or \\\\t"),
            rewrite("^Unexpected close marker '(.)': expected '(.)'.*", "'$1' closes something that was not opened here; '$2' was expected"),
            rewrite("^Duplicate field '(.*?)'.*", "the field \"$1\" appears twice"));

    /** Leftovers of Jackson's own location text, and backquoted feature names. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:at )?\\[Source: [^\\]]*\\]\\)?|\\s*\\(`[^`]*`[^)]*\\)");

    private ParseErrors() {
    }

    private static Rewrite rewrite(String regex, String replacement) {
        return new Rewrite(Pattern.compile(regex, Pattern.DOTALL), replacement);
    }

    /** What is wrong and where: {@code unexpected character 'x': … (line 2, column 7)}. */
    public static String describe(IOException e) {
        return describe(e, true);
    }

    /**
     * As {@link #describe(IOException)}; without {@code withLine} only the column is given, and the line only when
     * the text had more than one (for one JSONL line the origin already names the line in the file).
     */
    public static String describe(IOException e, boolean withLine) {
        if (!(e instanceof JsonProcessingException p)) {
            return firstLine(e.getMessage());
        }
        String text = plain(firstLine(p.getOriginalMessage()));
        JsonLocation at = p.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return text;
        }
        boolean showLine = withLine || at.getLineNr() > 1;
        return text + (showLine ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
                : " (column " + at.getColumnNr() + ")");
    }

    /** The sentence alone, for callers that say where themselves. */
    public static String withoutLocation(JsonProcessingException e) {
        return plain(firstLine(e.getOriginalMessage()));
    }

    static String plain(String message) {
        for (Rewrite r : REWRITES) {
            Matcher m = r.pattern().matcher(message);
            if (m.matches()) {
                message = m.replaceFirst(r.replacement());
                break;
            }
        }
        message = SOURCE.matcher(message).replaceAll("").strip();
        if (message.isEmpty()) {
            return "the text cannot be read";
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "the text cannot be read";
        }
        if (s.contains("\n in '")) {
            // SnakeYAML: "context", a quoted snippet with a caret, "problem", another snippet: keep the two sentences
            return String.join(": ", s.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).map(String::strip)
                    .toList());
        }
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
