package dev.newsmon.producers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Byte-level checks shared by the readers: binary data, UTF-8 validity, prefixes cut at a character boundary. */
final class Bytes {

    /** How much of the start of a file is searched for NUL bytes to call it binary. */
    static final int SNIFF_BYTES = 8 * 1024;

    private Bytes() {
    }

    static boolean containsNul(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Same decoder settings as {@code ArticleParser}: malformed or unmappable input is invalid. */
    static boolean isValidUtf8(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** At most {@code max} bytes of {@code b[0..len)}, cut before a UTF-8 continuation byte. */
    static byte[] prefix(byte[] b, int len, int max) {
        if (len <= max) {
            return Arrays.copyOf(b, len);
        }
        int cut = max;
        int back = 0;
        while (cut > 0 && back < 3 && (b[cut] & 0xC0) == 0x80) {
            cut--;
            back++;
        }
        return Arrays.copyOf(b, cut);
    }

    static byte[] errorPrefix(byte[] b, int len) {
        return prefix(b, len, InputUnit.ERROR_PAYLOAD_BYTES);
    }

    static boolean isBlank(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        // A byte-order mark alone on a line counts as blank.
        if (len >= 3 && b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
            i += 3;
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** Sizes in messages, rounded up like the parser does: "700 KiB". */
    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%d KiB", (bytes + 1023) / 1024);
    }

    /** A limit for messages: "32 MiB", "1.5 MiB", or "16 KiB" below one MiB. */
    static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return kib(bytes);
        }
        if (bytes % (1024 * 1024) == 0) {
            return String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
