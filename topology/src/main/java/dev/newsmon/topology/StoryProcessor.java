package dev.newsmon.topology;

import dev.newsmon.core.json.Json;
import dev.newsmon.core.model.Article;
import dev.newsmon.core.model.Duplicate;
import dev.newsmon.core.model.Story;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes every output on, and keeps the {@code stories} view: for each original, how many copies were seen and by
 * which sources. Runs in the sequenced stage, so counts follow the one total order too.
 */
final class StoryProcessor implements Processor<String, Emitted, String, Emitted> {

    private final TopologyConfig config;
    private ProcessorContext<String, Emitted> context;
    private HorizonStore stories;

    StoryProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Emitted> context) {
        this.context = context;
        this.stories = new HorizonStore(context.getStateStore(NewsmonTopology.STORIES_STORE),
                context.getStateStore(NewsmonTopology.DEDUP_CLOCK_STORE), "stories", config.dedupHorizon().toMillis());
    }

    @Override
    public void process(Record<String, Emitted> record) {
        context.forward(record);
        Story story = switch (record.value().kind()) {
            case ARTICLE -> original((Article) record.value().payload());
            case DUPLICATE -> copy((Duplicate) record.value().payload());
            default -> null;
        };
        if (story != null) {
            long time = story.publishedAt() == null ? record.timestamp() : story.publishedAt().toEpochMilli();
            stories.advanceTo(time);
            byte[] json = Json.writeBytes(story);
            stories.put(story.storyId(), json, time);
            // The stored JSON is the output record: written once.
            context.forward(record.withKey(story.storyId()).withValue(new Emitted(Emitted.Kind.STORY, story, json)));
        }
    }

    private static Story original(Article a) {
        return new Story(a.id(), a.title(), a.url(), a.source(), a.publishedAt(), 0,
                a.source() == null ? List.of() : List.of(a.source()), null);
    }

    /** The original's story with one more copy; null when the original is older than the horizon. */
    private Story copy(Duplicate d) {
        byte[] stored = stories.get(d.duplicateOf());
        if (stored == null) {
            return null;
        }
        Story s = Json.read(stored, Story.class);
        List<String> sources = new ArrayList<>(s.sources());
        if (d.source() != null && !sources.contains(d.source()) && sources.size() < Story.MAX_SOURCES) {
            sources.add(d.source());
        }
        java.time.Instant last = s.lastCopyAt() == null || d.publishedAt() != null && d.publishedAt().isAfter(s.lastCopyAt())
                ? d.publishedAt() : s.lastCopyAt();
        return new Story(s.storyId(), s.title(), s.url(), s.source(), s.publishedAt(), s.copies() + 1, sources, last);
    }
}
