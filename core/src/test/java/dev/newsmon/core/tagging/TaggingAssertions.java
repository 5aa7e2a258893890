package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityMention;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers shared by the tagging tests. */
final class TaggingAssertions {

    private TaggingAssertions() {
    }

    static List<EntityMention> tag(String text) {
        return EntityTagger.builtIn().tag("", text);
    }

    /** Entity id → number of mentions in the text. */
    static Map<String, Integer> counts(String text) {
        return counts(EntityTagger.builtIn(), "", text);
    }

    static Map<String, Integer> counts(EntityTagger tagger, String title, String text) {
        return tagger.tag(title, text).stream().collect(Collectors.toMap(EntityMention::id, EntityMention::mentions));
    }

    /** The original text of every span of one entity. */
    static List<String> surfaces(String text, String id) {
        return tag(text).stream().filter(m -> m.id().equals(id)).flatMap(m -> m.offsets().stream())
                .map(s -> text.substring(s.start(), s.end())).toList();
    }
}
