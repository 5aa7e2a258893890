package dev.newsmon.app;

import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.watchlist.Watchlist;
import dev.newsmon.core.watchlist.WatchlistEntry;
import dev.newsmon.core.watchlist.WatchlistFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and checks a watchlist file for the CLI: every id-only entry must name a built-in entity. */
final class Watchlists {

    private Watchlists() {
    }

    static Watchlist load(Path file) {
        if (file == null) {
            return Watchlist.DEFAULT;
        }
        if (!Files.isRegularFile(file)) {
            throw new ExitCodes.UsageException("watchlist file not found: " + file);
        }
        try {
            Watchlist w = WatchlistFile.load(file);
            for (WatchlistEntry e : w.entries()) {
                check(e);
            }
            return w;
        } catch (WatchlistFile.InvalidWatchlistException e) {
            throw new ExitCodes.UsageException(e.getMessage());
        } catch (IOException e) {
            throw new ExitCodes.UsageException("cannot read watchlist " + file + ": " + e.getMessage());
        }
    }

    static void check(WatchlistEntry e) {
        if (!e.definesNames() && Gazetteer.builtIn().entity(e.id()).isEmpty()) {
            List<String> close = EntityDirectory.builtIn().suggest(e.id(), 3);
            throw new ExitCodes.UsageException("unknown entity id \"" + e.id() + "\": it is not in the built-in "
                    + "gazetteer" + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                    + " (./newsmon entities search NAME finds ids; give names to define a new entity)");
        }
    }
}
