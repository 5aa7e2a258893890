package dev.newsmon.producers;

import dev.newsmon.core.ingest.InputFormat;
import dev.newsmon.producers.InputSource.FeedUrl;
import dev.newsmon.producers.InputSource.FileInput;
import dev.newsmon.producers.InputSource.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the paths and URLs the user gave, in the given order; folders recursively, each folder's entries sorted
 * by name (Java string order), so the order is the same on every machine. Lazy: one folder listing at a time.
 * Symbolic links are followed, but a folder already visited (by its real path) is not entered again, so link
 * loops end. Hidden entries (name starting with ".") and files of unknown type inside folders are skipped and
 * counted; a file the user named explicitly is never skipped silently: an unknown type becomes an error unit.
 */
final class InputWalker extends UnitIterator<InputSource> {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private final Iterator<String> args;
    private final Deque<Iterator<Path>> folders = new ArrayDeque<>();
    private final Set<Path> visitedFolders = new HashSet<>();
    private final SkippedFiles skipped = new SkippedFiles();

    InputWalker(List<String> pathsOrUrls) {
        this.args = List.copyOf(pathsOrUrls).iterator();
    }

    SkippedFiles skipped() {
        return skipped;
    }

    static boolean isUrl(String arg) {
        return URL.matcher(arg).matches();
    }

    @Override
    protected InputSource computeNext() {
        while (true) {
            if (!folders.isEmpty()) {
                Iterator<Path> entries = folders.peek();
                if (!entries.hasNext()) {
                    folders.pop();
                    continue;
                }
                InputSource s = entry(entries.next());
                if (s != null) {
                    return s;
                }
                continue;
            }
            if (!args.hasNext()) {
                return null;
            }
            InputSource s = argument(args.next());
            if (s != null) {
                return s;
            }
        }
    }

    private InputSource argument(String arg) {
        if (isUrl(arg)) {
            String scheme = arg.substring(0, arg.indexOf(':')).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https")
                    ? new FeedUrl(arg) : new Problem(arg, InputFormat.JSON, UnitErrors.unsupportedUrl(arg));
        }
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            return new Problem(arg, InputFormat.TEXT, "The path is not valid: " + e.getReason());
        }
        if (Files.isDirectory(path)) {
            return enterFolder(path);
        }
        if (Files.isRegularFile(path)) {
            return FileKind.of(path)
                    .<InputSource>map(kind -> new FileInput(path, kind, true))
                    .orElseGet(() -> new Problem(arg, InputFormat.TEXT,
                            UnitErrors.unsupportedType(String.valueOf(path.getFileName()))));
        }
        InputFormat format = FileKind.of(path).map(FileKind::format).orElse(InputFormat.TEXT);
        if (Files.exists(path)) {
            return new Problem(arg, format, UnitErrors.notRegularFile());
        }
        return new Problem(arg, format, Files.isSymbolicLink(path) ? UnitErrors.brokenLink() : UnitErrors.notFound());
    }

    private InputSource entry(Path path) {
        String name = String.valueOf(path.getFileName());
        if (name.startsWith(".")) {
            skipped.add(path.toString());
            return null;
        }
        if (Files.isDirectory(path)) {
            return enterFolder(path);
        }
        var kind = FileKind.of(path);
        if (kind.isEmpty()) {
            skipped.add(path.toString());
            return null;
        }
        if (Files.isRegularFile(path)) {
            return new FileInput(path, kind.get(), false);
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return new Problem(path.toString(), kind.get().format(), UnitErrors.brokenLink());
        }
        skipped.add(path.toString());
        return null;
    }

    /** Lists the folder (names only) and schedules its entries; returns an error unit if it cannot be listed. */
    private InputSource enterFolder(Path folder) {
        try {
            Path real = folder.toRealPath();
            if (!visitedFolders.add(real)) {
                skipped.add(folder + " (already read through another path)");
                return null;
            }
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                ds.forEach(entries::add);
            }
            entries.sort(Comparator.comparing(p -> String.valueOf(p.getFileName())));
            folders.push(entries.iterator());
            return null;
        } catch (IOException e) {
            return new Problem(folder.toString(), InputFormat.TEXT, UnitErrors.unreadable("folder", e));
        }
    }
}
