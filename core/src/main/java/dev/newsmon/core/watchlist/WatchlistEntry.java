package dev.newsmon.core.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsmon.core.model.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * One tracked entity. With only {@code id} it tracks a built-in gazetteer entity; with {@code names} it
 * defines a new entity or adds aliases to a built-in one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WatchlistEntry(String id, EntityType type, List<String> names) {

    public WatchlistEntry {
        Objects.requireNonNull(id, "id");
        names = names == null ? List.of() : List.copyOf(names);
    }

    public static WatchlistEntry of(String id) {
        return new WatchlistEntry(id, null, List.of());
    }

    public boolean definesNames() {
        return !names.isEmpty();
    }
}
