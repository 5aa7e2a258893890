package dev.newsmon.core.model;

/** The kinds of actor the tagger recognises. */
public enum EntityType {
    PERSON,
    ORG,
    PLACE
}
