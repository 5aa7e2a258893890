package dev.newsmon.core.model;

import java.util.Locale;

/** Machine-readable class of a rejection (the {@code code} field), for metrics and filters. */
public enum RejectCode {
    PRODUCER,
    EMPTY_INPUT,
    TOO_LARGE,
    NOT_UTF8,
    UNKNOWN_FORMAT,
    INVALID_JSON,
    NOT_AN_OBJECT,
    WRONG_TYPE,
    INVALID_ID,
    INVALID_DATE,
    MISSING_BODY,
    EMPTY_BODY,
    NO_TEXT,
    UNPARSEABLE,
    INTERNAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
