package dev.newsmon.producers;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files, folders and feed URLs as a lazy sequence of {@link InputUnit}s in a deterministic order: the
 * inputs in the order given, folders recursively with entries sorted by name. Only one source is open at a time
 * and units are produced on demand, so an archive of any size streams through in bounded memory.
 *
 * <pre>{@code
 * try (InputReader in = InputReader.open(List.of("archive/", "https://example.org/feed.xml"), ReaderOptions.defaults())) {
 *     in.forEachRemaining(unit -> ...);
 * }
 * }</pre>
 */
public final class InputReader extends UnitIterator<InputUnit> {

    private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);

    /** A unit with what is needed to rebuild it later (replay index, watcher state). */
    record Read(UnitDraft draft, InputUnit unit, SourceReader.Opened source) {
    }

    private final InputWalker walker;
    private final SourceReader sources;
    private final UnitFactory factory;
    private SourceReader.Opened current;
    private boolean skipLogged;

    private InputReader(List<String> inputs, ReaderOptions options) {
        this.walker = new InputWalker(inputs);
        this.sources = new SourceReader(options);
        this.factory = new UnitFactory(options.maxBytes());
    }

    public static InputReader open(List<String> pathsOrUrls, ReaderOptions options) {
        Objects.requireNonNull(pathsOrUrls, "pathsOrUrls");
        Objects.requireNonNull(options, "options");
        return new InputReader(pathsOrUrls, options);
    }

    /** Files inside folders that were not read (unknown type, hidden, a folder reached twice through links). */
    public long skippedFiles() {
        return walker.skipped().count();
    }

    /** Up to five examples of skipped files, as paths. */
    public List<String> skippedExamples() {
        return walker.skipped().examples();
    }

    @Override
    protected InputUnit computeNext() {
        Read r = nextRead();
        return r == null ? null : r.unit();
    }

    /** The next unit with its draft and source, or null at the end. */
    Read nextRead() {
        while (true) {
            if (current != null && current.drafts().hasNext()) {
                UnitDraft d = current.drafts().next();
                return new Read(d, factory.create(d, current.fallbackTime(), current.fallbackSource()), current);
            }
            if (current != null) {
                current.drafts().close();
                current = null;
            }
            if (!walker.hasNext()) {
                logSkipped();
                return null;
            }
            current = sources.open(walker.next());
        }
    }

    private void logSkipped() {
        if (!skipLogged && skippedFiles() > 0) {
            skipLogged = true;
            LOG.info("Skipped {} file(s) inside folders that newsmon does not read (unsupported type, hidden, or a folder"
                    + " reached twice through links), e.g. {}", skippedFiles(), String.join(", ", skippedExamples()));
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.drafts().close();
            current = null;
        }
        walker.close();
    }
}
