package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an article was judged a copy of an earlier one. */
public enum DedupMethod {
    /** Same canonical URL (or the same article id sent again). */
    URL,
    /** Same normalized main text. */
    CONTENT,
    /** Near-duplicate main text (shingle similarity or containment). */
    NEAR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
