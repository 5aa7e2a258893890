package dev.newsmon.core.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.watchlist.WatchlistEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The set of known entities, loaded from the bundled {@code gazetteer.yaml}. Immutable. */
public final class Gazetteer {

    private static final String RESOURCE = "gazetteer.yaml";
    private static volatile Gazetteer builtIn;

    private final Map<String, GazetteerEntity> byId;

    private Gazetteer(Map<String, GazetteerEntity> byId) {
        this.byId = Map.copyOf(byId);
    }

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
                        g = parse(new ObjectMapper(new YAMLFactory()).readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the built-in gazetteer", e);
                    }
                    builtIn = g;
                }
            }
        }
        return g;
    }

    static Gazetteer parse(JsonNode root) {
        List<GazetteerEntity> entities = new ArrayList<>();
        for (JsonNode e : root.path("entities")) {
            Set<String> names = new LinkedHashSet<>();
            String en = text(e, "en");
            String ar = text(e, "ar");
            if (en != null) {
                names.add(en);
            }
            if (ar != null) {
                names.add(ar);
            }
            for (JsonNode alias : e.path("aliases")) {
                names.add(alias.asText());
            }
            entities.add(new GazetteerEntity(text(e, "id"),
                    EntityType.valueOf(text(e, "type").toUpperCase(Locale.ROOT)), en, ar, List.copyOf(names)));
        }
        return of(entities);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
     * adds aliases to the built-in entity with the same id. Entries with only an id change nothing.
     */
    public Gazetteer withWatchlistNames(Collection<WatchlistEntry> entries) {
        Map<String, GazetteerEntity> merged = new LinkedHashMap<>(byId);
        for (WatchlistEntry entry : entries) {
            if (!entry.definesNames()) {
                continue;
            }
            GazetteerEntity known = merged.get(entry.id());
            if (known != null) {
                Set<String> names = new LinkedHashSet<>(known.names());
                names.addAll(entry.names());
                merged.put(entry.id(), new GazetteerEntity(known.id(),
                        entry.type() != null ? entry.type() : known.type(), known.nameEn(), known.nameAr(),
                        List.copyOf(names)));
            } else {
                String first = entry.names().get(0);
                merged.put(entry.id(), new GazetteerEntity(entry.id(),
                        entry.type() != null ? entry.type() : EntityType.ORG, latinOrNull(entry.names()),
                        arabicOrNull(entry.names()), entry.names().isEmpty() ? List.of(first) : entry.names()));
            }
        }
        return new Gazetteer(merged);
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
}
