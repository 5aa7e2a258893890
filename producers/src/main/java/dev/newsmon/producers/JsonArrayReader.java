package dev.newsmon.producers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.core.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The elements of a top-level JSON array, one unit each, re-serialized compactly. The same for a file of several
 * top-level JSON values one after the other (JSON Lines saved as {@code .json}, or pretty-printed objects in a row):
 * each value is one unit, so none is silently dropped by a parser that reads only the first. The array is streamed: the
 * parser only finds each element's byte range (skipping its content), then the range is read back and compacted.
 * An element that is too large is never held whole. A syntax error ends the file with one error unit for the
 * element where it happened (a broken array has no reliable place to resume), after all earlier elements.
 */
final class JsonArrayReader extends UnitIterator<UnitDraft> {

    /** Pretty-printed elements may shrink a lot when compacted; beyond this factor they are not even read. */
    private static final int MAX_PRETTY_FACTOR = 4;

    private final Path path;
    private final String display;
    private final int maxBytes;
    private final JsonParser parser;
    private final FileChannel channel;
    private final boolean sequence;
    private final String what;
    private long count;
    private long lastEnd;
    private boolean finished;

    /**
     * @param sequence the file holds top-level values one after the other instead of one array
     */
    JsonArrayReader(Path path, int maxBytes, boolean sequence) throws IOException {
        this.path = path;
        this.display = path.toString();
        this.maxBytes = maxBytes;
        this.sequence = sequence;
        this.what = sequence ? "value" : "element";
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            this.parser = open(path);
            if (!sequence) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new IOException("not a JSON array");
                }
                lastEnd = parser.currentLocation().getByteOffset();
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    JsonArrayReader(Path path, int maxBytes) throws IOException {
        this(path, maxBytes, false);
    }

    private static JsonParser open(Path path) throws IOException {
        return Json.mapper().getFactory().createParser(new BufferedInputStream(Files.newInputStream(path), 64 * 1024));
    }

    /** True when the file holds more than one top-level JSON value (and is valid JSON up to the second one). */
    static boolean hasSeveralValues(Path path) {
        try (JsonParser p = open(path)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return false;
            }
            if (!t.isScalarValue()) {
                p.skipChildren();
            }
            return p.nextToken() != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    protected UnitDraft computeNext() {
        if (finished) {
            return null;
        }
        long n = count + 1;
        try {
            JsonToken t = parser.nextToken();
            if (sequence && t == null) {
                finished = true;
                return null;
            }
            if (!sequence && t == JsonToken.END_ARRAY) {
                finished = true;
                if (parser.nextToken() != null) {
                    return UnitDraft.error(readPrefix(parser.currentTokenLocation().getByteOffset()),
                            InputFormat.JSON, Origin.whole(display), "The file has more content after the JSON array"
                                    + where(parser.currentTokenLocation()) + "; that content was not read");
                }
                return null;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            if (t.isScalarValue()) {
                parser.finishToken();
            } else {
                parser.skipChildren();
            }
            long end = parser.currentLocation().getByteOffset();
            count = n;
            lastEnd = end;
            return element(n, start, end);
        } catch (JsonProcessingException e) {
            finished = true;
            return UnitDraft.error(readPrefix(lastEnd), InputFormat.JSON, Origin.item(display, n),
                    String.format(Locale.ROOT, "The JSON %s is broken at %s %d%s: %s; the rest of the file was not"
                            + " read", sequence ? "in this file" : "array", what, n, where(e.getLocation()),
                            dev.newsmon.core.json.ParseErrors.withoutLocation(e)));
        } catch (IOException e) {
            finished = true;
            return UnitDraft.error(new byte[0], InputFormat.JSON, Origin.item(display, n),
                    UnitErrors.unreadable("file", e) + " (after " + what + " " + count + "; the rest was not read)");
        }
    }

    private UnitDraft element(long n, long start, long end) throws IOException {
        Origin origin = Origin.item(display, n);
        long length = end - start;
        if (length > (long) maxBytes * MAX_PRETTY_FACTOR) {
            return UnitDraft.error(readPrefix(start), InputFormat.JSON, origin,
                    UnitErrors.tooLarge(what, length, maxBytes));
        }
        byte[] raw = read(channel, start, (int) length);
        byte[] compact;
        try {
            compact = JsonCompactor.compact(raw, 0, raw.length);
        } catch (IOException e) {
            String why = dev.newsmon.core.json.ParseErrors.describe(e, false);
            return UnitDraft.error(Bytes.errorPrefix(raw, raw.length), InputFormat.JSON, origin,
                    "The JSON " + what + " is not valid: " + why);
        }
        if (compact.length > maxBytes) {
            return UnitDraft.error(Bytes.errorPrefix(compact, compact.length), InputFormat.JSON, origin,
                    UnitErrors.tooLarge(what, compact.length, maxBytes));
        }
        return UnitDraft.ok(compact, InputFormat.JSON, origin, new Location(path, start, (int) length, true));
    }

    private byte[] readPrefix(long offset) {
        try {
            long size = channel.size();
            int len = (int) Math.max(0, Math.min(InputUnit.ERROR_PAYLOAD_BYTES, size - offset));
            byte[] b = read(channel, offset, len);
            return Bytes.errorPrefix(b, b.length);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static byte[] read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        long pos = offset;
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) {
                throw new IOException("the file is shorter than expected (was it changed while being read?)");
            }
            pos += r;
        }
        return b.array();
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : String.format(Locale.ROOT, " (line %d, column %d)", loc.getLineNr(), loc.getColumnNr());
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
