package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.producers.InputSource.FeedUrl;
import dev.newsmon.producers.InputSource.FileInput;
import dev.newsmon.producers.InputSource.Problem;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** Opens one input source as a lazy sequence of drafts, with the fallback time for units without a date. */
final class SourceReader {

    /** An opened source: its drafts and the time to use when an article has no date of its own. */
    record Opened(InputSource source, Instant fallbackTime, String fallbackSource, UnitIterator<UnitDraft> drafts) {
    }

    private final ReaderOptions options;
    private FeedFetcher fetcher;

    SourceReader(ReaderOptions options) {
        this.options = options;
    }

    ReaderOptions options() {
        return options;
    }

    Opened open(InputSource source) {
        if (source instanceof FileInput f) {
            return openFile(f);
        }
        if (source instanceof FeedUrl u) {
            return openUrl(u);
        }
        Problem p = (Problem) source;
        return new Opened(p, options.clock().instant(), TimeSource.INGEST_TIME,
                UnitIterator.of(UnitDraft.error(new byte[0], p.format(), Origin.whole(p.display()), p.error())));
    }

    private Opened openFile(FileInput f) {
        Path path = f.path();
        Origin whole = Origin.whole(f.display());
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return new Opened(f, options.clock().instant(), TimeSource.INGEST_TIME, UnitIterator.of(
                    UnitDraft.error(new byte[0], f.kind().format(), whole, UnitErrors.unreadable("file", e))));
        }
        Instant mtime = attrs.lastModifiedTime().toInstant();
        return new Opened(f, mtime, TimeSource.FILE_TIME, drafts(f, attrs.size()));
    }

    UnitIterator<UnitDraft> drafts(FileInput f, long size) {
        Path path = f.path();
        int maxBytes = options.maxBytes();
        try {
            if (f.kind() == FileKind.TEXT || f.kind() == FileKind.HTML) {
                return UnitIterator.of(size == 0 ? emptyFile(f) : WholeFileReader.read(path, f.kind().format(), maxBytes));
            }
            UnitDraft unusable = emptyOrBinary(f, size);
            if (unusable != null) {
                return UnitIterator.of(unusable);
            }
            return switch (f.kind()) {
                case JSONL -> new JsonlReader(path, maxBytes);
                case JSON -> startsWithArray(head(path)) ? new JsonArrayReader(path, maxBytes)
                        : JsonArrayReader.hasSeveralValues(path) ? new JsonArrayReader(path, maxBytes, true)
                        : UnitIterator.of(WholeFileReader.read(path, f.kind().format(), maxBytes));
                case FEED -> new FeedUnits(new LimitedInputStream(new BufferedInputStream(Files.newInputStream(path)),
                        options.maxFeedBytes(), "feed file"), f.display(), maxBytes, head(path));
                default -> throw new IllegalStateException("unhandled kind " + f.kind());
            };
        } catch (IOException e) {
            return UnitIterator.of(UnitDraft.error(new byte[0], f.kind().format(), Origin.whole(f.display()),
                    UnitErrors.unreadable("file", e)));
        }
    }

    /** The error unit for a zero-byte file or one whose start contains NUL bytes; null when the file looks usable. */
    UnitDraft emptyOrBinary(FileInput f, long size) throws IOException {
        if (size == 0) {
            return emptyFile(f);
        }
        byte[] head = head(f.path());
        // A JSONL file that starts like JSON is text with perhaps a corrupt line (e.g. NULs left by a crash while
        // writing): its lines are judged one by one, so the good ones are not lost with the bad one.
        boolean jsonLines = f.kind() == FileKind.JSONL && startsLikeJson(head);
        if (!jsonLines && Bytes.containsNul(head, 0, head.length)) {
            return UnitDraft.error(Bytes.errorPrefix(head, head.length), f.kind().format(), Origin.whole(f.display()),
                    UnitErrors.binaryFile());
        }
        return null;
    }

    private static UnitDraft emptyFile(FileInput f) {
        return UnitDraft.error(new byte[0], f.kind().format(), Origin.whole(f.display()), UnitErrors.emptyFile());
    }

    private Opened openUrl(FeedUrl u) {
        Instant now = options.clock().instant();
        FeedFetcher.Result result = fetcher().fetch(u.url(), null, null);
        return new Opened(u, now, TimeSource.INGEST_TIME, feedUnits(u.url(), result));
    }

    /** The units of a downloaded feed, or one error unit when the download failed; empty when not modified. */
    UnitIterator<UnitDraft> feedUnits(String url, FeedFetcher.Result result) {
        if (result instanceof FeedFetcher.Result.Fetched f) {
            return new FeedUnits(new ByteArrayInputStream(f.body()), url, options.maxBytes(), f.body());
        }
        if (result instanceof FeedFetcher.Result.Failed fail) {
            return UnitIterator.of(UnitDraft.error(new byte[0], InputFormat.JSON, Origin.whole(url), fail.error()));
        }
        return UnitIterator.empty();
    }

    FeedFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new FeedFetcher(options);
        }
        return fetcher;
    }

    private static byte[] head(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(Bytes.SNIFF_BYTES);
        }
    }

    /** True when the first non-blank character (after an optional byte-order mark) is '{' or '['. */
    static boolean startsLikeJson(byte[] head) {
        int i = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && (head[i] == '{' || head[i] == '[');
    }

    /** True when the first non-blank character (after an optional byte-order mark) is '['. */
    static boolean startsWithArray(byte[] head) {
        int i = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        for (; i < head.length; i++) {
            byte c = head[i];
            if (c == '[') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return false;
    }
}
