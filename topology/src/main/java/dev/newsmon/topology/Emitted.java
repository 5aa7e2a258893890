package dev.newsmon.topology;

/** One output of the sequenced stage: which topic it goes to, its key, and the record to write as JSON. */
public record Emitted(Kind kind, Object payload) {

    public enum Kind {
        ARTICLE,
        DUPLICATE,
        ALERT,
        REJECTED,
        STORY
    }
}
