package dev.newsmon.producers;

import dev.newsmon.core.Hashing;
import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.producers.InputSource.FeedUrl;
import dev.newsmon.producers.InputSource.FileInput;
import dev.newsmon.producers.InputSource.Problem;
import dev.newsmon.producers.WatchState.FeedState;
import dev.newsmon.producers.WatchState.FileState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest --watch}: polls folders, files and feed URLs every interval and sends only what is new, as one
 * producer run (one run id, one gap-free sequence) until {@link #stop()}.
 *
 * <ul>
 *   <li>New or changed files (size or mtime) are read again and all their units sent; a JSONL file that only grew
 *       is read from where the last poll stopped (line numbers continue). A last line without a newline is left for
 *       the next poll unless the file did not change since the previous poll (it may still be being written).</li>
 *   <li>Feed URLs are fetched with ETag / Last-Modified; items are sent once, recognized by guid, else link, else a
 *       content hash. Feed files are handled the same way once they change.</li>
 *   <li>A lasting problem (missing path, feed down) is sent as one error unit when it starts, and logged at every
 *       poll; it is sent again only after it went away and came back.</li>
 *   <li>The state is saved in {@link WatchOptions#stateDir()} after each poll whose records Kafka acknowledged; a
 *       poll with delivery failures is not saved, so its units are sent again by the next poll.</li>
 * </ul>
 */
public final class Watcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final int HEAD_HASH_BYTES = 4096;

    private final List<String> inputs;
    private final IngestOptions options;
    private final WatchOptions watch;
    private final Path stateFile;
    private final SourceReader sources;
    private final UnitFactory factory;
    private final RecordPublisher publisher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private WatchState state;
    private long skippedFiles;
    private List<String> skippedExamples = List.of();

    public Watcher(List<String> pathsOrUrls, IngestOptions options, WatchOptions watch) {
        this.inputs = List.copyOf(pathsOrUrls);
        this.options = options;
        this.watch = watch;
        this.stateFile = watch.stateDir().resolve("watch-" + Hashing.sha256Hex(
                String.join("\n", new TreeSet<>(inputs)), 16) + ".json");
        this.sources = new SourceReader(options.reader());
        this.factory = new UnitFactory(options.reader().maxBytes());
        try {
            this.state = WatchState.load(stateFile);
        } catch (IOException e) {
            LOG.warn("The watch state {} cannot be read ({}); starting over, so everything is sent again", stateFile,
                    UnitErrors.describe(e));
            this.state = WatchState.empty();
        }
        this.publisher = new RecordPublisher(options.producerFactory().create(options.producerProperties()),
                options.topic(), UUID.randomUUID(), options.bootstrapServers());
    }

    /** Where this watcher keeps its state. */
    public Path stateFile() {
        return stateFile;
    }

    /**
     * Polls until {@link #stop()} is called or the thread is interrupted, then returns what the whole run sent.
     *
     * @throws PublishException when Kafka cannot take records at all
     */
    public IngestSummary run() {
        LOG.info("Watching {} every {} s (state: {})", inputs, watch.interval().toSeconds(), stateFile);
        try {
            while (stopped.getCount() > 0) {
                pollOnce();
                if (stopped.await(watch.interval().toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary();
    }

    /** Ends {@link #run()} after the current poll. Safe from any thread (e.g. a shutdown hook). */
    public void stop() {
        stopped.countDown();
    }

    /** What was sent so far. */
    public IngestSummary summary() {
        return IngestJob.summary(publisher, skippedFiles, skippedExamples, startNanos);
    }

    /** One poll: sends what is new, waits for Kafka, saves the state. Returns the number of units sent. */
    long pollOnce() {
        WatchState next = state.copy();
        long sentBefore = publisher.sentCount();
        long failedBefore = publisher.stats().failed();
        Set<String> files = new HashSet<>();
        Set<String> feeds = new HashSet<>();
        Set<String> problems = new HashSet<>();
        try (InputWalker walker = new InputWalker(inputs)) {
            while (walker.hasNext()) {
                InputSource src = walker.next();
                if (src instanceof FileInput f) {
                    (f.kind() == FileKind.FEED ? feeds : files).add(f.display());
                    pollFile(f, next, problems);
                } else if (src instanceof FeedUrl u) {
                    feeds.add(u.url());
                    pollUrl(u, next);
                } else {
                    Problem p = (Problem) src;
                    problem(p.display(), p.format(), p.error(), next, problems);
                }
            }
            if (walker.skipped().count() != skippedFiles) {
                skippedFiles = walker.skipped().count();
                skippedExamples = walker.skipped().examples();
                LOG.info("Skipping {} file(s) inside watched folders (unsupported type, hidden, or reached twice"
                        + " through links), e.g. {}", skippedFiles, String.join(", ", skippedExamples));
            }
        }
        next.files().keySet().retainAll(files);
        next.feeds().keySet().retainAll(feeds);
        next.problems().retainAll(problems);
        publisher.flush();
        long sent = publisher.sentCount() - sentBefore;
        if (publisher.stats().failed() > failedBefore) {
            LOG.warn("Kafka did not acknowledge every record of this poll; its units will be sent again next poll");
            return sent;
        }
        state = next;
        try {
            state.save(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the watch state " + stateFile + ": " + UnitErrors.describe(e), e);
        }
        if (sent > 0) {
            LOG.info("Sent {} new unit(s)", sent);
        }
        return sent;
    }

    private void pollFile(FileInput f, WatchState next, Set<String> problems) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(f.path(), BasicFileAttributes.class);
        } catch (IOException e) {
            problem(f.display(), f.kind().format(), UnitErrors.unreadable("file", e), next, problems);
            return;
        }
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        Instant fallback = attrs.lastModifiedTime().toInstant();
        if (f.kind() == FileKind.FEED) {
            FeedState fs = next.feeds().getOrDefault(f.display(), FeedState.NEW);
            if (fs.size() == size && fs.mtimeMillis() == mtime) {
                return;
            }
            List<String> keys = sendFeed(sources.drafts(f, size), fs, fallback, TimeSource.FILE_TIME, true);
            next.feeds().put(f.display(), new FeedState(fs.remember(keys), null, null, false, size, mtime));
            return;
        }
        FileState fs = next.files().get(f.display());
        boolean unchanged = fs != null && fs.size() == size && fs.mtimeMillis() == mtime;
        if (f.kind() == FileKind.JSONL) {
            pollJsonl(f, fs, unchanged, size, mtime, fallback, next);
            return;
        }
        if (unchanged) {
            return;
        }
        try (UnitIterator<UnitDraft> drafts = sources.drafts(f, size)) {
            drafts.forEachRemaining(d -> send(d, fallback, TimeSource.FILE_TIME));
        }
        next.files().put(f.display(), new FileState(size, mtime, size, 0, null));
    }

    private void pollJsonl(FileInput f, FileState fs, boolean unchanged, long size, long mtime, Instant fallback,
            WatchState next) {
        if (unchanged && fs.consumed() >= size) {
            return;
        }
        long start = 0;
        long lines = 0;
        boolean resumable = fs != null && fs.consumed() > 0 && fs.consumed() <= size;
        if (resumable && headHash(f.path(), fs.consumed()).equals(fs.headHash())) {
            start = fs.consumed();
            lines = fs.lines();
        } else if (fs != null && fs.consumed() > 0) {
            LOG.info("{} was rewritten (not just appended to); reading it again from the start", f.display());
        }
        try {
            if (start == 0) {
                UnitDraft unusable = sources.emptyOrBinary(f, size);
                if (unusable != null) {
                    send(unusable, fallback, TimeSource.FILE_TIME);
                    next.files().put(f.display(), new FileState(size, mtime, size, 0, null));
                    return;
                }
            }
            try (JsonlReader reader = new JsonlReader(f.path(), options.reader().maxBytes(), start, lines, !unchanged)) {
                reader.forEachRemaining(d -> send(d, fallback, TimeSource.FILE_TIME));
                next.files().put(f.display(), new FileState(size, mtime, reader.consumedOffset(),
                        reader.linesConsumed(), headHash(f.path(), reader.consumedOffset())));
            }
        } catch (IOException e) {
            send(UnitDraft.error(new byte[0], f.kind().format(), Origin.whole(f.display()),
                    UnitErrors.unreadable("file", e)), fallback, TimeSource.FILE_TIME);
            next.files().put(f.display(), new FileState(size, mtime, size, lines, null));
        }
    }

    private void pollUrl(FeedUrl u, WatchState next) {
        FeedState fs = next.feeds().getOrDefault(u.url(), FeedState.NEW);
        FeedFetcher.Result result = sources.fetcher().fetch(u.url(), fs.etag(), fs.lastModified());
        Instant now = options.reader().clock().instant();
        if (result instanceof FeedFetcher.Result.NotModified) {
            return;
        }
        if (result instanceof FeedFetcher.Result.Failed fail) {
            LOG.warn("{}: {}", u.url(), fail.error());
            if (!fs.failing()) {
                send(UnitDraft.error(new byte[0], FileKind.FEED.format(), Origin.whole(u.url()), fail.error()), now,
                        TimeSource.INGEST_TIME);
            }
            next.feeds().put(u.url(), new FeedState(fs.seen(), fs.etag(), fs.lastModified(), true, -1, -1));
            return;
        }
        FeedFetcher.Result.Fetched ok = (FeedFetcher.Result.Fetched) result;
        boolean[] failed = {false};
        List<String> keys = sendFeed(sources.feedUnits(u.url(), result), fs, now, TimeSource.INGEST_TIME, !fs.failing(),
                failed);
        next.feeds().put(u.url(), failed[0]
                ? new FeedState(fs.remember(keys), null, null, true, -1, -1)
                : new FeedState(fs.remember(keys), ok.etag(), ok.lastModified(), false, -1, -1));
    }

    private List<String> sendFeed(UnitIterator<UnitDraft> drafts, FeedState fs, Instant fallback, String source,
            boolean sendErrors) {
        return sendFeed(drafts, fs, fallback, source, sendErrors, new boolean[1]);
    }

    /** Sends the items not seen before; returns the keys of all items in the document. */
    private List<String> sendFeed(UnitIterator<UnitDraft> drafts, FeedState fs, Instant fallback, String source,
            boolean sendErrors, boolean[] failed) {
        Set<String> seen = new HashSet<>(fs.seen());
        List<String> keys = new ArrayList<>();
        try (drafts) {
            while (drafts.hasNext()) {
                UnitDraft d = drafts.next();
                if (d.itemKey() == null) {
                    failed[0] = true;
                    LOG.warn("{}: {}", d.origin(), d.error());
                    if (sendErrors) {
                        send(d, fallback, source);
                    }
                    continue;
                }
                keys.add(d.itemKey());
                if (seen.add(d.itemKey())) {
                    send(d, fallback, source);
                }
            }
        }
        return keys;
    }

    private void problem(String display, InputFormat format, String error, WatchState next,
            Set<String> problems) {
        String key = display + "\n" + error;
        problems.add(key);
        if (next.problems().add(key)) {
            LOG.warn("{}: {}", display, error);
            send(UnitDraft.error(new byte[0], format, Origin.whole(display), error), options.reader().clock().instant(),
                    TimeSource.INGEST_TIME);
        }
    }

    private void send(UnitDraft d, Instant fallback, String fallbackSource) {
        publisher.send(factory.create(d, fallback, fallbackSource));
        options.progress().onProgress(publisher.sentCount(), -1);
    }

    private static String headHash(Path path, long consumed) {
        int n = (int) Math.min(consumed, HEAD_HASH_BYTES);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(n);
            return n + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head), 0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }

    /** Flushes and closes the producer. */
    @Override
    public void close() {
        stop();
        publisher.close();
    }
}
