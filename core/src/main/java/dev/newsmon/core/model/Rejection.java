package dev.newsmon.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An input that could not become an article, as published on the {@code rejected} topic.
 *
 * @param reason a sentence a person understands
 * @param id     the article id when one could be read, else null
 * @param origin where it came from: {@code file:line} or {@code topic/partition/offset}
 * @param raw    the raw input, truncated
 * @param code   the machine-readable class of the reason ({@link RejectCode#wireName()})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Rejection(String reason, String id, String origin, String raw, String code) {
}
