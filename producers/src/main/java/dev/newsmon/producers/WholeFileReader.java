package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A whole file as one unit (.txt, .html, a .json object): read at most {@code maxBytes + 1} bytes, then checked. */
final class WholeFileReader {

    private WholeFileReader() {
    }

    static UnitDraft read(Path path, InputFormat format, int maxBytes) {
        Origin origin = Origin.whole(path.toString());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            return UnitDraft.error(new byte[0], format, origin, UnitErrors.unreadable("file", e));
        }
        return check(bytes, format, origin, path, maxBytes);
    }

    /** The checks every whole-file unit gets, in this order: empty, binary, too large, not UTF-8. */
    static UnitDraft check(byte[] bytes, InputFormat format, Origin origin, Path path, int maxBytes) {
        if (bytes.length == 0) {
            return UnitDraft.error(bytes, format, origin, UnitErrors.emptyFile());
        }
        if (Bytes.containsNul(bytes, 0, Math.min(bytes.length, Bytes.SNIFF_BYTES))) {
            return UnitDraft.error(Bytes.errorPrefix(bytes, bytes.length), format, origin, UnitErrors.binaryFile());
        }
        if (bytes.length > maxBytes) {
            long size = bytes.length;
            try {
                size = Math.max(size, Files.size(path));
            } catch (IOException e) {
                // the size is only for the message; what was read is a lower bound
            }
            return UnitDraft.error(Bytes.errorPrefix(bytes, bytes.length), format, origin,
                    UnitErrors.tooLarge("file", size, maxBytes));
        }
        if (Bytes.containsNul(bytes, 0, bytes.length)) {
            return UnitDraft.error(Bytes.errorPrefix(bytes, bytes.length), format, origin, UnitErrors.binaryFile());
        }
        if (!Bytes.isValidUtf8(bytes, 0, bytes.length)) {
            return UnitDraft.error(Bytes.errorPrefix(bytes, bytes.length), format, origin, UnitErrors.notUtf8File());
        }
        return UnitDraft.ok(bytes, format, origin, new Location(path, 0, bytes.length, false));
    }
}
