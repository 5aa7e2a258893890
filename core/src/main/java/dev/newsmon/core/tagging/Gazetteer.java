package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of known entities: the bundled {@code gazetteer.yaml}, optionally extended with user gazetteer files
 * (same format, docs/GAZETTEER.md) and watchlist names. Immutable; order is the file order, which also breaks
 * ties between entities when context cannot.
 */
public final class Gazetteer {

    private static final String RESOURCE = "gazetteer.yaml";
    private static volatile Gazetteer builtIn;

    private final Map<String, GazetteerEntity> byId;

    private Gazetteer(Map<String, GazetteerEntity> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        validateReferences();
    }

    /** A gazetteer of exactly these entities; duplicate ids or unknown context references are errors. */
    public static Gazetteer of(Collection<GazetteerEntity> entities) {
        Map<String, GazetteerEntity> map = new LinkedHashMap<>();
        for (GazetteerEntity e : entities) {
            if (map.put(e.id(), e) != null) {
                throw new IllegalArgumentException("duplicate gazetteer id " + e.id());
            }
        }
        return new Gazetteer(map);
    }

    /** The bundled gazetteer (loaded once). */
    public static Gazetteer builtIn() {
        Gazetteer g = builtIn;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = builtIn;
                if (g == null) {
                    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        g = of(GazetteerFormat.read(in, "built-in " + RESOURCE));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the built-in gazetteer", e);
                    }
                    builtIn = g;
                }
            }
        }
        return g;
    }

    /** Entities from a gazetteer file (YAML or JSON). Throws with the entity and field on any mistake. */
    public static Gazetteer fromFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromYaml(in, file.toString());
        }
    }

    /** Entities from a gazetteer document; {@code where} names it in error messages. */
    public static Gazetteer fromYaml(InputStream in, String where) throws IOException {
        return of(GazetteerFormat.read(in, where));
    }

    /**
     * This gazetteer extended with another (e.g. a user file on top of the built-in one): entities of
     * {@code more} replace ours with the same id, new ones come after ours.
     */
    public Gazetteer extendedWith(Gazetteer more) {
        Map<String, GazetteerEntity> merged = new LinkedHashMap<>(byId);
        merged.putAll(more.byId);
        return new Gazetteer(merged);
    }

    public Optional<GazetteerEntity> entity(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<GazetteerEntity> entities() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /**
     * This gazetteer plus the names of user watchlist entries: an entry with names defines a new entity, or
     * adds names to the entity with the same id. Entries with only an id change nothing. User names get the
     * same normalization, clitic handling and automatic variants as built-in ones; pattern syntax in them is
     * honoured when well-formed and taken literally otherwise.
     */
    public Gazetteer withWatchlistNames(Collection<WatchlistEntry> entries) {
        Map<String, GazetteerEntity> merged = new LinkedHashMap<>(byId);
        for (WatchlistEntry entry : entries) {
            if (entry == null || !entry.definesNames()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : entry.names()) {
                if (n != null && !n.isBlank() && !names.contains(n.strip())) {
                    names.add(n.strip());
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            GazetteerEntity known = merged.get(entry.id());
            if (known != null) {
                merged.put(entry.id(), known.withExtraNames(names, entry.type()));
            } else {
                merged.put(entry.id(), new GazetteerEntity(entry.id(),
                        entry.type() != null ? entry.type() : EntityType.ORG, latinOrNull(names), arabicOrNull(names),
                        names, List.of(), List.of(), true, EntityContext.NONE, true));
            }
        }
        return new Gazetteer(merged);
    }

    private void validateReferences() {
        for (GazetteerEntity e : byId.values()) {
            for (String ref : e.context().coMentions()) {
                if (!byId.containsKey(ref)) {
                    throw new IllegalArgumentException("gazetteer entity '" + e.id()
                            + "': context.coMentions names unknown entity '" + ref + "'");
                }
            }
        }
    }

    private static String latinOrNull(List<String> names) {
        return names.stream().filter(n -> !containsArabic(n)).findFirst().orElse(null);
    }

    private static String arabicOrNull(List<String> names) {
        return names.stream().filter(Gazetteer::containsArabic).findFirst().orElse(null);
    }

    static boolean containsArabic(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
    }

    @Override
    public String toString() {
        return "Gazetteer[" + byId.size() + " entities]";
    }
}
