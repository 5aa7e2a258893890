package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.producers.InputSource.FileInput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An archive ordered by event time, for replay. Building the plan reads every unit once and keeps only a compact
 * index entry per unit ({@link ReplayIndex#BYTES_PER_UNIT} bytes: file, byte range, origin number, event time);
 * units that cannot be re-read from a byte range of their file (feed items, error units) are appended to a spill
 * file. {@link #ordered()} then re-reads the payloads in event-time order (ties keep input order) and rebuilds each
 * unit with the same parser, so timestamps, keys and headers are exactly those a plain ingest would give.
 */
public final class ReplayPlan implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayPlan.class);
    private static final int OPEN_FILES = 32;

    private record Source(String base, Path file, Instant fallbackTime, String fallbackSource) {
    }

    private final ReaderOptions options;
    private final ReplayIndex index = new ReplayIndex();
    private final List<Source> sources = new ArrayList<>();
    private final Path spill;
    private final Map<Path, FileChannel> open = new LinkedHashMap<>(OPEN_FILES, 0.75f, true);
    private long skippedFiles;
    private List<String> skippedExamples = List.of();
    private boolean closed;
    private long changedUnits;

    private ReplayPlan(ReaderOptions options, Path spill) {
        this.options = options;
        this.spill = spill;
    }

    /** Reads and indexes every unit of the inputs. */
    public static ReplayPlan build(List<String> pathsOrUrls, ReaderOptions options, Path spillDir) {
        Objects.requireNonNull(spillDir, "spillDir");
        Path spill;
        try {
            Files.createDirectories(spillDir);
            spill = Files.createTempFile(spillDir, "newsmon-replay-", ".spill");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the replay spill file in " + spillDir + ": "
                    + UnitErrors.describe(e), e);
        }
        ReplayPlan plan = new ReplayPlan(options, spill);
        try {
            plan.index(pathsOrUrls);
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
        return plan;
    }

    private void index(List<String> inputs) {
        long start = System.nanoTime();
        long spilled = 0;
        try (InputReader reader = InputReader.open(inputs, options);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(spill), 64 * 1024)) {
            SourceReader.Opened last = null;
            while (true) {
                InputReader.Read r = reader.nextRead();
                if (r == null) {
                    break;
                }
                if (r.source() != last) {
                    last = r.source();
                    Path file = last.source() instanceof FileInput f ? f.path() : null;
                    sources.add(new Source(last.source().display(), file, last.fallbackTime(), last.fallbackSource()));
                }
                UnitDraft d = r.draft();
                long millis = orderKey(r.unit());
                Location loc = d.location();
                if (loc != null && d.error() == null) {
                    index.add(sources.size() - 1, d.origin(), d.format(), loc.compactJson(), false, loc.offset(),
                            loc.length(), millis, null);
                } else {
                    out.write(d.payload());
                    index.add(sources.size() - 1, d.origin(), d.format(), false, true, spilled, d.payload().length,
                            millis, d.error());
                    spilled += d.payload().length;
                }
            }
            skippedFiles = reader.skippedFiles();
            skippedExamples = reader.skippedExamples();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay spill file " + spill + ": " + UnitErrors.describe(e), e);
        }
        LOG.info("Replay plan: {} units from {} source(s) indexed in {} ms ({} KiB index, {} KiB spilled)",
                index.size(), sources.size(), (System.nanoTime() - start) / 1_000_000,
                (long) index.size() * ReplayIndex.BYTES_PER_UNIT / 1024, spilled / 1024);
    }

    /**
     * The replay order of a unit: its event time, and nothing that depends on the clock. (The record timestamp
     * caps a future date at "now", which differs between indexing and sending: comparing those made every
     * future-dated article look changed.) Dates before 1970 sort first, in input order, as their timestamps are 0.
     */
    static long orderKey(InputUnit unit) {
        try {
            return Math.max(0L, unit.eventTime().toEpochMilli());
        } catch (ArithmeticException e) {
            return unit.eventTime().isBefore(Instant.EPOCH) ? 0L : Long.MAX_VALUE;
        }
    }

    /** Units whose date differed between indexing and sending (the file changed in between). */
    public long changedUnits() {
        return changedUnits;
    }

    public long size() {
        return index.size();
    }

    public long skippedFiles() {
        return skippedFiles;
    }

    public List<String> skippedExamples() {
        return skippedExamples;
    }

    /**
     * The units in event-time order, payloads re-read lazily. Each call starts a new pass; files stay open until
     * {@link #close()}.
     */
    public Iterator<InputUnit> ordered() {
        int[] order = index.order();
        UnitFactory factory = new UnitFactory(options.maxBytes());
        return new UnitIterator<>() {
            private int next;

            @Override
            protected InputUnit computeNext() {
                if (next >= order.length) {
                    return null;
                }
                int i = order[next++];
                Source s = sources.get(index.source(i));
                UnitDraft d = draft(i, s);
                InputUnit unit = factory.create(d, s.fallbackTime(), s.fallbackSource());
                if (orderKey(unit) != index.eventMillis(i)) {
                    changedUnits++;
                    LOG.warn("{} changed while the replay was prepared; it is sent with its new date", unit.origin());
                }
                return unit;
            }
        };
    }

    private UnitDraft draft(int i, Source s) {
        Origin origin = index.origin(i, s.base());
        InputFormat format = index.format(i);
        Path file = index.spilled(i) ? spill : s.file();
        try {
            byte[] raw = JsonArrayReader.read(channel(file), index.offset(i), index.length(i));
            if (index.compactJson(i)) {
                raw = JsonCompactor.compact(raw, 0, raw.length);
            }
            return new UnitDraft(raw, format, origin, index.error(i), null, null);
        } catch (IOException e) {
            return UnitDraft.error(new byte[0], format, origin,
                    "The input changed or vanished while the replay was running: " + UnitErrors.describe(e));
        }
    }

    private FileChannel channel(Path file) throws IOException {
        FileChannel ch = open.get(file);
        if (ch == null) {
            if (open.size() >= OPEN_FILES) {
                Iterator<FileChannel> eldest = open.values().iterator();
                closeQuietly(eldest.next());
                eldest.remove();
            }
            ch = FileChannel.open(file, StandardOpenOption.READ);
            open.put(file, ch);
        }
        return ch;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    /** Closes the files and deletes the spill file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        open.values().forEach(ReplayPlan::closeQuietly);
        open.clear();
        try {
            Files.deleteIfExists(spill);
        } catch (IOException e) {
            LOG.warn("Could not delete the replay spill file {}: {}", spill, UnitErrors.describe(e));
        }
    }

}
