package dev.newsmon.bench.tagging;

import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.core.text.Token;
import dev.newsmon.core.text.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Elasticsearch percolator approach as a baseline: every gazetteer name is a stored query (a term query, or
 * a phrase query for several words); per article, the text goes into a Lucene {@link MemoryIndex} and the
 * stored queries run against it. Like the percolator, only queries whose extracted term (the longest word)
 * occurs in the article are run. For equal recall the index gets the same normalization as the tagger, and
 * every Arabic word is indexed with its clitic-stripped forms at the same position (و ف, ب ك ل, ال, لل), so
 * the phrase queries find بخليفة حفتر as the tagger does. No disambiguation: it reports every entity whose
 * name occurs, a superset of the tagger's answer.
 */
final class LucenePercolator {

    private static final String FIELD = "text";

    /** A stored query and the entities its name belongs to. */
    private record StoredQuery(Query query, List<String> entityIds) {
    }

    private final Map<String, List<StoredQuery>> queriesByTerm = new HashMap<>();
    private final int queryCount;

    LucenePercolator(Map<String, List<String>> nameKeys) {
        int n = 0;
        for (Map.Entry<String, List<String>> e : nameKeys.entrySet()) {
            String[] words = e.getKey().split(" ");
            Query query;
            if (words.length == 1) {
                query = new TermQuery(new Term(FIELD, words[0]));
            } else {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < words.length; i++) {
                    phrase.add(new Term(FIELD, words[i]), i);
                }
                query = phrase.build();
            }
            String extracted = words[0];
            for (String w : words) {
                if (w.length() > extracted.length()) {
                    extracted = w;
                }
            }
            queriesByTerm.computeIfAbsent(extracted, k -> new ArrayList<>()).add(new StoredQuery(query, e.getValue()));
            n++;
        }
        queryCount = n;
    }

    int queryCount() {
        return queryCount;
    }

    /** Ids of the entities whose stored queries match the title or text. */
    Set<String> percolate(String title, String text) {
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, new CliticTokenStream(title + "\n" + text));
        Set<String> found = new LinkedHashSet<>();
        try {
            IndexReader reader = index.createSearcher().getIndexReader();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(FIELD);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                BytesRef term;
                while ((term = it.next()) != null) {
                    List<StoredQuery> candidates = queriesByTerm.get(term.utf8ToString());
                    if (candidates == null) {
                        continue;
                    }
                    for (StoredQuery q : candidates) {
                        if (!found.containsAll(q.entityIds()) && index.search(q.query()) > 0) {
                            found.addAll(q.entityIds());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Normalized words, each Arabic word followed by its clitic-stripped forms at the same position. */
    static final class CliticTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final String source;
        private List<String> pending = List.of();
        private List<Token> tokens = List.of();
        private int tokenIndex;
        private int formIndex;

        CliticTokenStream(String source) {
            this.source = source;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokens = Tokenizer.tokens(TextNormalizer.normalize(source));
            tokenIndex = 0;
            formIndex = 0;
            pending = List.of();
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (formIndex >= pending.size()) {
                if (tokenIndex >= tokens.size()) {
                    return false;
                }
                pending = forms(tokens.get(tokenIndex++).text());
                formIndex = 0;
            }
            term.setEmpty().append(pending.get(formIndex));
            increment.setPositionIncrement(formIndex == 0 ? 1 : 0);
            formIndex++;
            return true;
        }

        static List<String> forms(String w) {
            List<String> out = new ArrayList<>(4);
            out.add(w);
            if (w.length() < 3 || w.charAt(0) < '\u0621' || w.charAt(0) > '\u064A') {
                return out;
            }
            List<Integer> starts = new ArrayList<>(List.of(0));
            if (w.charAt(0) == 'و' || w.charAt(0) == 'ف') {
                starts.add(1);
            }
            for (int s : List.copyOf(starts)) {
                if (s < w.length() - 2 && "بكل".indexOf(w.charAt(s)) >= 0) {
                    starts.add(s + 1);
                    if (w.charAt(s) == 'ل' && w.charAt(s + 1) == 'ل') {
                        add(out, "ا" + w.substring(s + 1));
                        add(out, w.substring(s + 2));
                    }
                }
            }
            for (int s : starts) {
                add(out, w.substring(s));
                if (w.startsWith("ال", s) && w.length() - s - 2 >= 2) {
                    add(out, w.substring(s + 2));
                }
            }
            return out;
        }

        private static void add(List<String> out, String form) {
            if (form.length() >= 2 && !out.contains(form)) {
                out.add(form);
            }
        }
    }
}
