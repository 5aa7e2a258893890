package dev.newsmon.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** File-system failures as sentences: the JDK's exceptions often carry nothing but the path. */
final class Problems {

    private Problems() {
    }

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is a file, not a directory";
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return ExitCodes.oneLine(ExitCodes.message(e));
    }

    /**
     * An output directory the command can write to, created with its parents when missing; exit 2 with the reason
     * (a file in the way, permission denied, …) before anything is started.
     */
    static void prepareOutputDir(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExitCodes.UsageException(option + " " + dir + " is a file; give a directory");
        }
        Path firstFile = firstFileOnTheWay(dir);
        if (firstFile != null) {
            throw new ExitCodes.UsageException(option + " " + dir + " cannot be created: " + firstFile
                    + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExitCodes.UsageException(option + " " + dir + " cannot be created: " + describe(e));
        }
        if (!Files.isWritable(dir)) {
            throw new ExitCodes.UsageException(option + " " + dir + " is not writable (permission denied)");
        }
    }

    private static Path firstFileOnTheWay(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        Path found = null;
        for (Path q = p.getParent(); q != null; q = q.getParent()) {
            if (Files.exists(q) && !Files.isDirectory(q)) {
                found = q;
            }
        }
        return found;
    }
}
