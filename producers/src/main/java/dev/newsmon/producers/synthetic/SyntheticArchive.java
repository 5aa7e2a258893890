package dev.newsmon.producers.synthetic;

import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.model.Span;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.producers.InputReader;
import dev.newsmon.producers.InputUnit;
import dev.newsmon.producers.ReaderOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A synthetic news archive for {@code newsmon bench}, generated from our own sample articles: Arabic and English
 * text from a word chain per language, fictional outlets from the samples, and syndicated copies of earlier
 * articles (re-crawls at the same URL, the same text at another outlet, edited copies). The same seed and options
 * give the same archive, byte for byte.
 */
public final class SyntheticArchive {

    /** What an article is, so the bench can say how many duplicates it should find. */
    public enum Kind {
        ORIGINAL,
        /** Same URL with tracking parameters, "updated" title, same text: found by URL. */
        RECRAWL,
        /** Same text at another outlet: found by content. */
        SYNDICATED,
        /** Another outlet, 5 % of the words replaced, the last paragraph dropped: found as a near duplicate. */
        EDITED
    }

    /**
     * @param seed            random seed: same seed and options, same archive
     * @param duplicateRate   share of articles that are copies of an earlier one (0..0.9)
     * @param arabicShare     share of Arabic originals (0..1)
     * @param bodyBytes       UTF-8 size the body grows to (at least)
     * @param articlesPerHour event-time rate: how much publication time the archive spans
     * @param trackedShare    share of originals that name an entity of the default watchlist in their headline
     *                        (they raise alerts); elsewhere the samples' mentions of those entities are replaced by
     *                        another place
     */
    public record Options(long seed, double duplicateRate, double arabicShare, int bodyBytes, double articlesPerHour,
            Instant start, double trackedShare) {

        public Options {
            if (duplicateRate < 0 || duplicateRate > 0.9) {
                throw new IllegalArgumentException("the duplicate rate must be between 0 and 0.9");
            }
            if (arabicShare < 0 || arabicShare > 1) {
                throw new IllegalArgumentException("the Arabic share must be between 0 and 1");
            }
            if (bodyBytes < 100) {
                throw new IllegalArgumentException("articles must be at least 100 bytes");
            }
            if (!(articlesPerHour > 0)) {
                throw new IllegalArgumentException("the event-time rate must be positive");
            }
            if (trackedShare < 0 || trackedShare > 1) {
                throw new IllegalArgumentException("the tracked share must be between 0 and 1");
            }
        }

        /** Defaults: 30 % copies, 70 % Arabic, 5 KB bodies, 10 articles/s from 2024-01-01, 10 % tracked. */
        public static Options defaults(long seed) {
            return new Options(seed, 0.3, 0.7, 5 * 1024, 36_000, Instant.parse("2024-01-01T00:00:00Z"), 0.1);
        }

        public Options withBodyBytes(int bytes) {
            return new Options(seed, duplicateRate, arabicShare, bytes, articlesPerHour, start, trackedShare);
        }

        public Options withDuplicateRate(double rate) {
            return new Options(seed, rate, arabicShare, bodyBytes, articlesPerHour, start, trackedShare);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, duplicateRate, arabicShare, bodyBytes, articlesPerHour, start, trackedShare);
        }

        public Options startingAt(Instant newStart) {
            return new Options(seed, duplicateRate, arabicShare, bodyBytes, articlesPerHour, newStart, trackedShare);
        }
    }

    /** One generated article and its JSON line as it goes onto the raw topic. */
    public record Article(long index, Kind kind, String id, String url, String source, String title, String lang,
            Instant publishedAt, String body) {

        public byte[] json() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (id != null) {
                m.put("id", id);
            }
            m.put("url", url);
            m.put("source", source);
            m.put("title", title);
            m.put("lang", lang);
            m.put("publishedAt", publishedAt.toString());
            m.put("body", body);
            return Json.writeBytes(m);
        }

        /** The raw-topic unit a producer sends for it (JSON; key and origin: the id, else {@code bench#index}). */
        public InputUnit unit() {
            String origin = id != null ? id : "bench#" + index;
            return new InputUnit(json(), InputFormat.JSON, origin, null, publishedAt, null, origin);
        }
    }

    private static final int RECENT_ORIGINALS = 512;
    private static final DateTimeFormatter PATH_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Tracked by the default watchlist; probe articles name one in their headline so each raises an alert. */
    private static final String[] TRACKED_AR = {"طبرق", "مجموعة فاغنر"};
    private static final String[] TRACKED_EN = {"Tobruk", "the Wagner Group"};
    /** What replaces the samples' own mentions of tracked entities (an untracked place of the gazetteer). */
    private static final String STAND_IN_AR = "سبها";
    private static final String STAND_IN_EN = "Sabha";

    private final Options options;
    private final Language arabic;
    private final Language english;
    private final SplittableRandom random;
    private final Article[] recent = new Article[RECENT_ORIGINALS];
    private long originals;
    private long next;

    private record Language(String tag, WordChain chain, List<String> outlets) {
    }

    private SyntheticArchive(Options options, Language arabic, Language english) {
        this.options = options;
        this.arabic = arabic;
        this.english = english;
        this.random = new SplittableRandom(options.seed());
    }

    /** Learns the two languages from the articles in {@code samples} (files or folders the CLI reads). */
    public static SyntheticArchive fromSamples(Path samples, Options options) {
        List<String> arTexts = new ArrayList<>();
        List<String> enTexts = new ArrayList<>();
        TreeSet<String> arOutlets = new TreeSet<>();
        TreeSet<String> enOutlets = new TreeSet<>();
        ArticleParser parser = new ArticleParser();
        EntityTagger tagger = EntityTagger.builtIn();
        try (InputReader in = InputReader.open(List.of(samples.toString()), ReaderOptions.defaults())) {
            while (in.hasNext()) {
                InputUnit unit = in.next();
                if (unit.isError()) {
                    continue;
                }
                ParseOutcome outcome = parser.parse(new RawInput(unit.payload(), unit.format(), unit.origin(), null,
                        unit.eventTime(), unit.timeSource()));
                if (outcome instanceof ParseOutcome.Parsed parsed) {
                    ParsedArticle a = parsed.article();
                    boolean ar = a.lang() == null ? isArabic(a.text()) : a.lang().startsWith("ar");
                    String text = withoutTracked(tagger, a.title() + ".\n" + a.text(), ar ? STAND_IN_AR : STAND_IN_EN);
                    (ar ? arTexts : enTexts).add(text);
                    if (a.source() != null) {
                        (ar ? arOutlets : enOutlets).add(a.source());
                    }
                }
            }
        }
        if (arTexts.isEmpty() || enTexts.isEmpty()) {
            throw new IllegalArgumentException("the samples in " + samples + " need Arabic and English articles");
        }
        return new SyntheticArchive(options,
                new Language("ar", WordChain.learn(arTexts), outlets(arOutlets, "ar")),
                new Language("en", WordChain.learn(enTexts), outlets(enOutlets, "en")));
    }

    /** The text with every mention of a default-watchlist entity replaced by {@code standIn}. */
    private static String withoutTracked(EntityTagger tagger, String text, String standIn) {
        List<Span> spans = new ArrayList<>();
        for (EntityMention m : tagger.tag("", text)) {
            if (Watchlist.DEFAULT.tracks(m.id())) {
                m.offsets().stream().filter(sp -> Span.TEXT.equals(sp.field())).forEach(spans::add);
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).reversed());
        StringBuilder b = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Span sp : spans) {
            if (sp.end() <= limit) {
                b.replace(sp.start(), sp.end(), standIn);
                limit = sp.start();
            }
        }
        return b.toString();
    }

    private static List<String> outlets(TreeSet<String> fromSamples, String lang) {
        List<String> all = new ArrayList<>(fromSamples);
        for (int i = all.size(); i < 12; i++) {
            all.add("Bench " + lang.toUpperCase(Locale.ROOT) + " Outlet " + (i + 1));
        }
        return all;
    }

    public Options options() {
        return options;
    }

    /** The next article of the archive (unbounded). */
    public Article next() {
        long index = next++;
        Instant time = timeOf(index);
        if (originals > 0 && random.nextDouble() < options.duplicateRate()) {
            Article original = recent[(int) (random.nextLong(Math.min(originals, RECENT_ORIGINALS)))];
            int kind = random.nextInt(3);
            return switch (kind) {
                case 0 -> recrawl(index, original, time);
                case 1 -> syndicated(index, original, time);
                default -> edited(index, original, time);
            };
        }
        Language lang = random.nextDouble() < options.arabicShare() ? arabic : english;
        String outlet = lang.outlets().get(random.nextInt(lang.outlets().size()));
        String title = lang.chain().headline(random, 12);
        if (random.nextDouble() < options.trackedShare()) {
            title = withTracked(title, lang == arabic);
        }
        Article a = new Article(index, Kind.ORIGINAL, null, url(outlet, time, index), outlet, title, lang.tag(), time,
                body(lang.chain(), options.bodyBytes()));
        recent[(int) (originals++ % RECENT_ORIGINALS)] = a;
        return a;
    }

    /**
     * A new, unique article with its own id that names a tracked entity in its headline, so the pipeline raises an
     * alert for it: what the latency measurement sends.
     */
    public Article probe(String id, Instant time) {
        boolean ar = random.nextDouble() < options.arabicShare();
        Language lang = ar ? arabic : english;
        String title = withTracked(lang.chain().headline(random, 8), ar);
        String outlet = lang.outlets().get(random.nextInt(lang.outlets().size()));
        return new Article(-1, Kind.ORIGINAL, id, url(outlet, time, Math.abs(id.hashCode())), outlet, title, lang.tag(),
                time, body(lang.chain(), options.bodyBytes()));
    }

    private String withTracked(String headline, boolean ar) {
        String name = (ar ? TRACKED_AR : TRACKED_EN)[random.nextInt(2)];
        return headline + (ar ? " في " : " in ") + name;
    }

    /** Publication time of the article at {@code index}: the archive's rate, one article after the other. */
    public Instant timeOf(long index) {
        return options.start().plusMillis((long) (index * 3_600_000.0 / options.articlesPerHour()));
    }

    private Article recrawl(long index, Article o, Instant time) {
        String updated = ("ar".equals(o.lang()) ? "محدث: " : "Updated: ") + o.title();
        return new Article(index, Kind.RECRAWL, null, o.url() + "?utm_source=feed&utm_medium=rss", o.source(), updated,
                o.lang(), time, o.body());
    }

    private Article syndicated(long index, Article o, Instant time) {
        String outlet = otherOutlet(o);
        return new Article(index, Kind.SYNDICATED, null, url(outlet, time, index), outlet, o.title(), o.lang(), time,
                o.body());
    }

    private Article edited(long index, Article o, Instant time) {
        String outlet = otherOutlet(o);
        WordChain chain = "ar".equals(o.lang()) ? arabic.chain() : english.chain();
        String[] paragraphs = o.body().split("\n\n");
        int keep = paragraphs.length >= 3 ? paragraphs.length - 1 : paragraphs.length;
        StringBuilder body = new StringBuilder(o.body().length());
        for (int p = 0; p < keep; p++) {
            if (p > 0) {
                body.append("\n\n");
            }
            String[] words = paragraphs[p].split(" ");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    body.append(' ');
                }
                body.append(random.nextInt(20) == 0 ? chain.word(random) : words[w]);
            }
        }
        return new Article(index, Kind.EDITED, null, url(outlet, time, index), outlet, o.title(), o.lang(), time,
                body.toString());
    }

    private String otherOutlet(Article o) {
        List<String> outlets = ("ar".equals(o.lang()) ? arabic : english).outlets();
        String outlet = outlets.get(random.nextInt(outlets.size()));
        return outlet.equals(o.source()) ? outlets.get((outlets.indexOf(outlet) + 1) % outlets.size()) : outlet;
    }

    private String body(WordChain chain, int bytes) {
        StringBuilder b = new StringBuilder(bytes);
        int utf8 = 0;
        int inParagraph = 0;
        while (utf8 < bytes) {
            int before = b.length();
            if (before > 0) {
                b.append(inParagraph == 0 ? "\n\n" : " ");
            }
            chain.sentence(random, b);
            utf8 += utf8Length(b, before);
            inParagraph = (inParagraph + 1) % (3 + random.nextInt(2));
        }
        return b.toString();
    }

    private static int utf8Length(CharSequence s, int from) {
        int n = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static String url(String outlet, Instant time, long n) {
        String host = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (host.isEmpty()) {
            host = "outlet-" + Integer.toHexString(outlet.hashCode());
        }
        return "https://" + host + ".example/" + PATH_DATE.format(time) + "/" + n;
    }

    private static boolean isArabic(String text) {
        long arabicLetters = text.chars().filter(c -> c >= 0x0600 && c <= 0x06FF).count();
        return arabicLetters * 2 > text.length() / 2;
    }

}
