package dev.newsmon.bench.pipeline;

import dev.newsmon.core.dedup.ContentHash;
import dev.newsmon.core.dedup.DedupCandidate;
import dev.newsmon.core.dedup.Fingerprinter;
import dev.newsmon.core.extract.ExtractedPage;
import dev.newsmon.core.extract.HtmlExtractor;
import dev.newsmon.core.extract.PlainTextExtractor;
import dev.newsmon.core.extract.RecurringLineFilter;
import dev.newsmon.core.extract.RecurringLineState;
import dev.newsmon.core.ingest.ArticleParser;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.ingest.ParseOutcome;
import dev.newsmon.core.ingest.ParsedArticle;
import dev.newsmon.core.ingest.RawInput;
import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.EntityMention;
import dev.newsmon.core.pipeline.AnalyzedArticle;
import dev.newsmon.core.pipeline.ArticleAnalyzer;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.text.NormalizedText;
import dev.newsmon.core.text.TextNormalizer;
import dev.newsmon.producers.InputReader;
import dev.newsmon.producers.InputUnit;
import dev.newsmon.producers.ReaderOptions;
import dev.newsmon.producers.synthetic.SyntheticArchive;
import dev.newsmon.topology.JsonSerde;
import dev.newsmon.topology.SequencedItem;
import dev.newsmon.topology.SequencedItemSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one article costs in each step of the pipeline, on articles of the bench's synthetic archive (a pool of
 * different articles, visited in turn): parsing the raw JSON, normalization, tagging, content hash, fingerprint,
 * the whole analysis, the sequencer hop's serde, the recurring-line filter of the sequenced stage, and the output
 * JSON. Extraction runs on the sample archive's own HTML and text pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {

    static final int POOL = 500;

    @Param({"5"})
    public int articleKb;

    private final ArticleParser parser = new ArticleParser();
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final RecurringLineFilter lineFilter = new RecurringLineFilter();
    private final RecurringLineState lineState = new MapLineState();
    private EntityTagger tagger;
    private RawInput[] raw;
    private ParsedArticle[] parsed;
    private AnalyzedArticle[] analyzed;
    private List<EntityMention>[] entities;
    private String[] contentHashes;
    private byte[][] itemJson;
    private RawInput[] htmlPages;
    private RawInput[] textPages;
    private Serializer<SequencedItem> itemSerializer;
    private Deserializer<SequencedItem> itemDeserializer;
    private Serializer<SequencedItem> jsonSerializer;
    private Deserializer<SequencedItem> jsonDeserializer;
    private byte[][] itemBinary;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        tagger = EntityTagger.builtIn();
        SyntheticArchive archive = BenchArchive.create(SyntheticArchive.Options.defaults(42).withDuplicateRate(0)
                .withBodyBytes(articleKb * 1024));
        raw = new RawInput[POOL];
        parsed = new ParsedArticle[POOL];
        analyzed = new AnalyzedArticle[POOL];
        entities = new List[POOL];
        contentHashes = new String[POOL];
        itemJson = new byte[POOL][];
        JsonSerde<SequencedItem> json = new JsonSerde<>(SequencedItem.class);
        jsonSerializer = json.serializer();
        jsonDeserializer = json.deserializer();
        SequencedItemSerde binary = new SequencedItemSerde();
        itemSerializer = binary.serializer();
        itemDeserializer = binary.deserializer();
        itemBinary = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            InputUnit u = archive.next().unit();
            raw[i] = new RawInput(u.payload(), InputFormat.JSON, u.origin(), null, u.eventTime(), null);
            parsed[i] = ((ParseOutcome.Parsed) parser.parse(raw[i])).article();
            analyzed[i] = analyzer.analyze(parsed[i], tagger);
            entities[i] = analyzed[i].article().entities();
            contentHashes[i] = analyzed[i].article().contentHash();
            itemJson[i] = jsonSerializer.serialize("t", new SequencedItem("run", i, analyzed[i], null, 0L));
            itemBinary[i] = itemSerializer.serialize("t", new SequencedItem("run", i, analyzed[i], null, 0L));
        }
        List<RawInput> html = new ArrayList<>();
        List<RawInput> text = new ArrayList<>();
        Path samples = Path.of(System.getProperty("newsmon.samples", "samples/archive"));
        try (InputReader in = InputReader.open(List.of(samples.toString()), ReaderOptions.defaults())) {
            in.forEachRemaining(u -> {
                RawInput r = new RawInput(u.payload(), u.format(), u.origin(), null, u.eventTime(), u.timeSource());
                if (u.format() == InputFormat.HTML) {
                    html.add(r);
                } else if (u.format() == InputFormat.TEXT) {
                    text.add(r);
                }
            });
        }
        htmlPages = html.toArray(RawInput[]::new);
        textPages = text.toArray(RawInput[]::new);
        System.out.printf("%narticles of %d KB: raw JSON %d B, sequencer record %d B (binary; %d B as JSON), %d"
                + " entities on average; %d HTML and %d text sample pages%n", articleKb, raw[0].payload().length,
                itemBinary[0].length, itemJson[0].length,
                java.util.Arrays.stream(entities).mapToInt(List::size).sum() / POOL, htmlPages.length,
                textPages.length);
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == POOL ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public ParseOutcome parseJson() {
        return parser.parse(raw[nextIndex()]);
    }

    @Benchmark
    public ExtractedPage extractHtml() {
        RawInput r = htmlPages[nextIndex() % htmlPages.length];
        return HtmlExtractor.extract(new String(r.payload(), StandardCharsets.UTF_8));
    }

    @Benchmark
    public ExtractedPage extractText() {
        RawInput r = textPages[nextIndex() % textPages.length];
        return PlainTextExtractor.extract(new String(r.payload(), StandardCharsets.UTF_8));
    }

    @Benchmark
    public NormalizedText normalize() {
        return TextNormalizer.normalize(parsed[nextIndex()].text());
    }

    @Benchmark
    public List<EntityMention> tag() {
        ParsedArticle a = parsed[nextIndex()];
        return tagger.tag(a.title(), a.text());
    }

    @Benchmark
    public String contentHash() {
        return ContentHash.of(parsed[nextIndex()].text());
    }

    @Benchmark
    public DedupCandidate fingerprint() {
        int i = nextIndex();
        ParsedArticle a = parsed[i];
        return fingerprinter.candidate("id", null, contentHashes[i], a.text(), entities[i], 0L);
    }

    /** Everything the parallel stage does after parsing (URL, hash, id, language, tags, fingerprint). */
    @Benchmark
    public AnalyzedArticle analyze() {
        return analyzer.analyze(parsed[nextIndex()], tagger);
    }

    @Benchmark
    public byte[] sequencerRecordWrite() {
        int i = nextIndex();
        return itemSerializer.serialize("t", new SequencedItem("run", i, analyzed[i], null, 0L));
    }

    @Benchmark
    public SequencedItem sequencerRecordRead() {
        return itemDeserializer.deserialize("t", itemBinary[nextIndex()]);
    }

    /** The same record as JSON, as the sequencer hop carried it before the binary serde. */
    @Benchmark
    public byte[] sequencerRecordWriteJson() {
        int i = nextIndex();
        return jsonSerializer.serialize("t", new SequencedItem("run", i, analyzed[i], null, 0L));
    }

    @Benchmark
    public SequencedItem sequencerRecordReadJson() {
        return jsonDeserializer.deserialize("t", itemJson[nextIndex()]);
    }

    @Benchmark
    public byte[] articleOutputJson() {
        return Json.writeBytes(analyzed[nextIndex()].article());
    }

    /** The sequenced stage's recurring-line work for one article: clean before the decision, learn after it. */
    @Benchmark
    public RecurringLineFilter.Cleaned recurringLines() {
        int i = nextIndex();
        ParsedArticle a = parsed[i];
        RecurringLineFilter.Cleaned cleaned = lineFilter.clean(a.source(), a.text(), lineState);
        lineFilter.learn(a.source(), a.text(), "story-" + i, Instant.EPOCH.toEpochMilli(), lineState);
        return cleaned;
    }

    private static final class MapLineState implements RecurringLineState {
        private final Map<String, byte[]> map = new HashMap<>();

        @Override
        public byte[] get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, byte[] value, long eventTimeMs) {
            map.put(key, value);
        }
    }
}
