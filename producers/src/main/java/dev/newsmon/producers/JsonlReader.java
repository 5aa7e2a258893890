package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a JSONL file line by line at the byte level, so each unit knows its byte range (for replay) and a
 * line over the limit is never held whole in memory: only its first {@code maxBytes + 1} bytes are kept, the rest
 * is counted and skipped. Blank lines are skipped (they still count for line numbers). A bad line never stops the
 * rest of the file: it becomes an error unit and reading goes on.
 */
final class JsonlReader extends UnitIterator<UnitDraft> {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final String display;
    private final int maxBytes;
    private final boolean deferPartialLastLine;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private byte[] line = new byte[8 * 1024];
    private long position;
    private long lineNo;
    private long consumed;
    private boolean eof;
    private IOException failure;

    /**
     * @param startOffset          byte offset to start at (the watcher resumes an appended file); 0 for the start
     * @param linesBefore          lines already read before {@code startOffset}
     * @param deferPartialLastLine leave a last line without a newline unread (it may still be being written)
     */
    JsonlReader(Path path, int maxBytes, long startOffset, long linesBefore, boolean deferPartialLastLine)
            throws IOException {
        this.path = path;
        this.display = path.toString();
        this.maxBytes = maxBytes;
        this.deferPartialLastLine = deferPartialLastLine;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.channel.position(startOffset);
        this.position = startOffset;
        this.consumed = startOffset;
        this.lineNo = linesBefore;
        buf.flip();
    }

    JsonlReader(Path path, int maxBytes) throws IOException {
        this(path, maxBytes, 0, 0, false);
    }

    /** Byte offset just after the last line handed out (or skipped as blank). */
    long consumedOffset() {
        return consumed;
    }

    /** Number of lines consumed so far, counting from the start of the file. */
    long linesConsumed() {
        return lineNo;
    }

    @Override
    protected UnitDraft computeNext() {
        if (failure != null) {
            return null;
        }
        try {
            while (true) {
                long start = position;
                int kept = 0;
                long total = 0;
                boolean newline = false;
                byte last = 0;
                while (true) {
                    if (!buf.hasRemaining() && !fill()) {
                        break;
                    }
                    byte[] a = buf.array();
                    int from = buf.position();
                    int end = buf.limit();
                    int i = from;
                    while (i < end && a[i] != '\n') {
                        i++;
                    }
                    int n = i - from;
                    int copy = (int) Math.min(n, (long) maxBytes + 1 - kept);
                    if (kept + copy > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxBytes + 1, Math.max(kept + copy, line.length * 2)));
                    }
                    System.arraycopy(a, from, line, kept, copy);
                    kept += copy;
                    if (n > 0) {
                        last = a[i - 1];
                    }
                    total += n;
                    position += n;
                    if (i < end) {
                        newline = true;
                        position++;
                        buf.position(i + 1);
                        break;
                    }
                    buf.position(end);
                }
                if (!newline && total == 0) {
                    return null;
                }
                if (!newline && deferPartialLastLine) {
                    return null;
                }
                lineNo++;
                consumed = position;
                long length = total;
                if (last == '\r') {
                    length--;
                    if (kept > length) {
                        kept = (int) length;
                    }
                }
                if (length <= maxBytes && Bytes.isBlank(line, 0, kept)) {
                    continue;
                }
                return unit(start, length, kept);
            }
        } catch (IOException e) {
            failure = e;
            close();
            return UnitDraft.error(new byte[0], InputFormat.JSON, Origin.line(display, lineNo + 1),
                    UnitErrors.unreadable("file", e) + " (after line " + lineNo + "; the rest was not read)");
        }
    }

    private UnitDraft unit(long start, long length, int kept) {
        Origin origin = Origin.line(display, lineNo);
        if (length > maxBytes) {
            return UnitDraft.error(Bytes.errorPrefix(line, kept), InputFormat.JSON, origin,
                    UnitErrors.tooLarge("line", length, maxBytes));
        }
        int len = (int) length;
        if (Bytes.containsNul(line, 0, len)) {
            return UnitDraft.error(Bytes.errorPrefix(line, len), InputFormat.JSON, origin, UnitErrors.binaryLine());
        }
        if (!Bytes.isValidUtf8(line, 0, len)) {
            return UnitDraft.error(Bytes.errorPrefix(line, len), InputFormat.JSON, origin, UnitErrors.notUtf8Line());
        }
        byte[] payload = Arrays.copyOf(line, len);
        return UnitDraft.ok(payload, InputFormat.JSON, origin, new Location(path, start, len, false));
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buf.clear();
        int n;
        do {
            n = channel.read(buf);
        } while (n == 0);
        buf.flip();
        if (n < 0) {
            eof = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }
}
