package dev.newsmon.core.watchlist;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The set of tracked entities, by id. Immutable. */
public final class Watchlist {

    /** Tracked when the user has not said otherwise. */
    public static final Watchlist DEFAULT =
            Watchlist.of(List.of(WatchlistEntry.of("wagner-group"), WatchlistEntry.of("tobruk")));

    private final Map<String, WatchlistEntry> entries;

    private Watchlist(Map<String, WatchlistEntry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Watchlist of(Collection<WatchlistEntry> entries) {
        Map<String, WatchlistEntry> byId = new LinkedHashMap<>();
        for (WatchlistEntry e : entries) {
            byId.put(e.id(), e);
        }
        return new Watchlist(byId);
    }

    public Collection<WatchlistEntry> entries() {
        return entries.values();
    }

    public boolean tracks(String entityId) {
        return entries.containsKey(entityId);
    }

    public Optional<WatchlistEntry> entry(String entityId) {
        return Optional.ofNullable(entries.get(entityId));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watchlist w && w.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Watchlist" + entries.keySet();
    }
}
