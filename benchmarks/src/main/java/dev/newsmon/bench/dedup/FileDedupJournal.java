package dev.newsmon.bench.dedup;

import dev.newsmon.core.dedup.DedupJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * An append-only {@link DedupJournal} in a temporary file (records read back with positional reads, so through the
 * page cache): lets a benchmark remember ten million articles without holding their records on the heap. Deletes
 * only forget the position.
 */
final class FileDedupJournal implements DedupJournal, AutoCloseable {

    private final FileChannel file;
    private long[] offsets = new long[1 << 16];
    private int[] lengths = new int[1 << 16];
    private long first;
    private long next;
    private long end;

    FileDedupJournal(Path path) throws IOException {
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.DELETE_ON_CLOSE);
    }

    @Override
    public byte[] get(long slot) {
        if (slot < first || slot >= next || lengths[(int) slot] < 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(lengths[(int) slot]);
        try {
            while (b.hasRemaining()) {
                file.read(b, offsets[(int) slot] + b.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.array();
    }

    @Override
    public void put(long slot, byte[] record) {
        if (slot != next) {
            throw new IllegalArgumentException("append only: slot " + slot + ", expected " + next);
        }
        if (slot >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(record);
            while (b.hasRemaining()) {
                file.write(b, end + b.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        offsets[(int) slot] = end;
        lengths[(int) slot] = record.length;
        end += record.length;
        next++;
    }

    @Override
    public void delete(long slot) {
        if (slot >= first && slot < next) {
            lengths[(int) slot] = -1;
        }
    }

    @Override
    public void forEach(BiConsumer<Long, byte[]> action) {
        for (long s = first; s < next; s++) {
            byte[] r = get(s);
            if (r != null) {
                action.accept(s, r);
            }
        }
    }

    long bytes() {
        return end;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
