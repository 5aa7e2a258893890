package dev.newsmon.topology;

/**
 * One output of the sequenced stage: which topic it goes to, and the record to write as JSON ({@code json}: that
 * JSON already written, by the parallel stage; null: written at the sink).
 */
public record Emitted(Kind kind, Object payload, byte[] json) {

    public Emitted(Kind kind, Object payload) {
        this(kind, payload, null);
    }

    public enum Kind {
        ARTICLE,
        DUPLICATE,
        ALERT,
        REJECTED,
        STORY
    }
}
