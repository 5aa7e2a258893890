package dev.newsmon.producers;

import java.nio.file.Path;

/**
 * Where a unit's payload can be read again: a byte range of a file. A replay keeps only this (not the payload)
 * while it sorts, then re-reads the bytes in event-time order.
 *
 * @param compactJson the range holds one JSON value that is re-serialized compactly (an element of a JSON array)
 */
record Location(Path file, long offset, int length, boolean compactJson) {
}
