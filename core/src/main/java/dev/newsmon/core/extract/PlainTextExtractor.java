package dev.newsmon.core.extract;

import java.util.ArrayList;
import java.util.List;

/** Reads the headline and main text of a plain-text article: the title is the first meaningful line. */
public final class PlainTextExtractor {

    private static final int MIN_TITLE_LETTERS = 12;

    private PlainTextExtractor() {
    }

    public static ExtractedPage extract(String raw) {
        String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            kept.add(line.strip());
        }
        int titleLine = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (isMeaningful(kept.get(i))) {
                titleLine = i;
                break;
            }
        }
        String title = titleLine < 0 ? null : kept.get(titleLine);
        StringBuilder text = new StringBuilder();
        for (int i = titleLine + 1; i < kept.size(); i++) {
            String line = kept.get(i);
            if (line.isEmpty() || line.equals(title)) {
                continue;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(line);
        }
        return new ExtractedPage(title, text.toString(), null, Dates.findInHeader(raw), null, null);
    }

    static boolean isMeaningful(String line) {
        if (line.startsWith("- ") || line.startsWith("• ")) {
            return false;
        }
        long letters = line.codePoints().filter(Character::isLetter).count();
        return letters >= MIN_TITLE_LETTERS;
    }
}
