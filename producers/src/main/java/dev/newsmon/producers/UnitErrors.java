package dev.newsmon.producers;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The sentences that go into the {@code newsmon.error} header: one place, one tone. */
final class UnitErrors {

    private UnitErrors() {
    }

    static String emptyFile() {
        return "The file is empty (0 bytes)";
    }

    static String binaryFile() {
        return "The file is binary data (it contains NUL bytes), not UTF-8 text";
    }

    static String binaryLine() {
        return "The line contains NUL bytes (binary data), not text";
    }

    static String notUtf8File() {
        return "The file is not valid UTF-8 text (newsmon reads UTF-8 only)";
    }

    static String notUtf8Line() {
        return "The line is not valid UTF-8 text";
    }

    static String tooLarge(String what, long size, int max) {
        return "The " + what + " is " + Bytes.kib(size) + ", over the " + Bytes.kib(max)
                + " limit for one article; only its start is kept";
    }

    static String unreadable(String what, IOException e) {
        return "The " + what + " cannot be read: " + describe(e);
    }

    static String notFound() {
        return "No such file or folder";
    }

    static String notRegularFile() {
        return "This is not a regular file (a device, pipe or socket), so it was not read";
    }

    static String brokenLink() {
        return "The file is a symbolic link to a file that does not exist";
    }

    static String unsupportedType(String fileName) {
        String ext = FileKind.extension(fileName);
        return "Unsupported file type " + (ext.isEmpty() ? "(no extension)" : "\"." + ext + "\"")
                + ": newsmon reads " + FileKind.SUPPORTED + " files";
    }

    static String unsupportedUrl(String url) {
        return "Unsupported URL \"" + url + "\": only http:// and https:// feed URLs can be fetched";
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist (any more)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "it is part of a symbolic-link loop";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
