package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;

/**
 * A unit as a reader found it, before its event time and key are known.
 *
 * @param error    set for error units; the payload is then a short prefix of the input
 * @param itemKey  for feed items: the guid, else the link, else a content hash (the watcher remembers these)
 * @param location where the payload can be read again, or null when it cannot (feed items, error units)
 */
record UnitDraft(byte[] payload, InputFormat format, Origin origin, String error, String itemKey, Location location) {

    static UnitDraft ok(byte[] payload, InputFormat format, Origin origin, Location location) {
        return new UnitDraft(payload, format, origin, null, null, location);
    }

    static UnitDraft error(byte[] prefix, InputFormat format, Origin origin, String error) {
        return new UnitDraft(prefix, format, origin, error, null, null);
    }
}
