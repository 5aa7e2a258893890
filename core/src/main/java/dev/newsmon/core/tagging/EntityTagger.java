package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.text.NormalizedText;
import dev.newsmon.core.text.Snippets;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.text.Token;
import dev.newsmon.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gazetteer entities in an article's title and text.
 *
 * <p>Names and text are normalized the same way ({@link TextNormalizer}); Arabic tokens are also tried with
 * their proclitics stripped (و ف, then ب ك ل, then ال; لل as ل + ال), and a match must cover whole tokens,
 * so طبرقة is not طبرق and مصراتة is not مصر. Offsets and snippets refer to the original text.
 */
public final class EntityTagger {

    private static volatile EntityTagger builtIn;

    private final Gazetteer gazetteer;
    /** Name token sequences by their first token. */
    private final Map<String, List<NameEntry>> byFirstToken = new HashMap<>();

    public EntityTagger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (GazetteerEntity entity : gazetteer.entities()) {
            for (String name : entity.names()) {
                List<Token> tokens = Tokenizer.tokens(TextNormalizer.normalize(name));
                if (tokens.isEmpty()) {
                    continue;
                }
                String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
                byFirstToken.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new NameEntry(words, entity));
            }
        }
        byFirstToken.values().forEach(list -> list.sort((a, b) -> b.words.length - a.words.length));
    }

    /** A tagger over the bundled gazetteer (built once). */
    public static EntityTagger builtIn() {
        EntityTagger t = builtIn;
        if (t == null) {
            synchronized (EntityTagger.class) {
                t = builtIn;
                if (t == null) {
                    t = new EntityTagger(Gazetteer.builtIn());
                    builtIn = t;
                }
            }
        }
        return t;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Entities in order of first appearance (title before text). */
    public List<EntityMention> tag(String title, String text) {
        Map<String, Accumulator> found = new LinkedHashMap<>();
        scan(title == null ? "" : title, Span.TITLE, found);
        scan(text == null ? "" : text, Span.TEXT, found);
        List<EntityMention> out = new ArrayList<>(found.size());
        for (Accumulator acc : found.values()) {
            out.add(acc.toMention(title, text));
        }
        return out;
    }

    private void scan(String original, String field, Map<String, Accumulator> found) {
        if (original.isEmpty()) {
            return;
        }
        NormalizedText norm = TextNormalizer.normalize(original);
        List<Token> tokens = Tokenizer.tokens(norm);
        int i = 0;
        while (i < tokens.size()) {
            Match m = longestMatchAt(tokens, i);
            if (m == null) {
                i++;
                continue;
            }
            Token first = tokens.get(i);
            Token last = tokens.get(i + m.length - 1);
            int start = norm.originalStart(first.start() + m.cliticLength);
            int end = norm.originalEnd(last.end());
            found.computeIfAbsent(m.entity.id(), id -> new Accumulator(m.entity))
                    .add(new Span(field, start, end));
            i += m.length;
        }
    }

    private Match longestMatchAt(List<Token> tokens, int index) {
        String word = tokens.get(index).text();
        Match best = null;
        for (Clitics.Stem stem : Clitics.stems(word)) {
            List<NameEntry> candidates = byFirstToken.get(stem.text());
            if (candidates == null) {
                continue;
            }
            for (NameEntry entry : candidates) {
                if (best != null && entry.words.length <= best.length) {
                    break;
                }
                if (matchesFrom(tokens, index, entry.words)) {
                    best = new Match(entry.entity, entry.words.length, stem.prefixLength());
                    break;
                }
            }
        }
        return best;
    }

    private static boolean matchesFrom(List<Token> tokens, int index, String[] words) {
        if (index + words.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!tokens.get(index + k).text().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private record NameEntry(String[] words, GazetteerEntity entity) {
    }

    private record Match(GazetteerEntity entity, int length, int cliticLength) {
    }

    private static final class Accumulator {
        private final GazetteerEntity entity;
        private final List<Span> spans = new ArrayList<>();

        Accumulator(GazetteerEntity entity) {
            this.entity = entity;
        }

        void add(Span span) {
            spans.add(span);
        }

        EntityMention toMention(String title, String text) {
            boolean inTitle = spans.stream().anyMatch(s -> s.field().equals(Span.TITLE));
            Span firstInText = spans.stream().filter(s -> s.field().equals(Span.TEXT)).findFirst().orElse(null);
            String snippet = firstInText != null
                    ? Snippets.around(text, firstInText.start(), firstInText.end())
                    : Snippets.around(title, spans.get(0).start(), spans.get(0).end());
            return new EntityMention(entity.id(), entity.type(), entity.displayName(), spans.size(), inTitle,
                    spans, snippet);
        }
    }
}
