package dev.newsmon.app;

import dev.newsmon.core.model.EntityType;
import dev.newsmon.core.tagging.EntityTagger;
import dev.newsmon.core.tagging.Gazetteer;
import dev.newsmon.core.tagging.GazetteerEntity;
import dev.newsmon.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The built-in gazetteer for people at the command line: search by any name, Arabic or Latin, compared after the
 * same normalization the tagger uses (so فاجنر finds the entity written فاغنر, and "wagner" finds Wagner Group), and
 * suggestions for a mistyped entity id.
 */
final class EntityDirectory {

    private final Gazetteer gazetteer;
    /** Every normalized spelling of every name (patterns expanded), with the entities it names. */
    private final Map<String, List<String>> nameKeys;

    EntityDirectory(EntityTagger tagger) {
        this.gazetteer = tagger.gazetteer();
        this.nameKeys = tagger.nameKeys();
    }

    static EntityDirectory builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** Built on first use: expanding every name takes a moment. */
    private static final class BuiltIn {
        static final EntityDirectory INSTANCE = new EntityDirectory(EntityTagger.builtIn());
    }

    List<GazetteerEntity> all(EntityType type) {
        return gazetteer.entities().stream().filter(e -> type == null || e.type() == type)
                .sorted(Comparator.comparing(GazetteerEntity::id)).toList();
    }

    /**
     * Entities with a name or id that contains {@code query}, best first: a whole name, then a name that starts
     * with it, then any name or id that contains it.
     */
    List<GazetteerEntity> search(String query, EntityType type) {
        String q = TextNormalizer.normalizedString(query).strip();
        String idQuery = query.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (q.isEmpty() && idQuery.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> rank = new LinkedHashMap<>();
        nameKeys.forEach((key, ids) -> {
            int r = key.equals(q) ? 0 : key.startsWith(q) || key.contains(" " + q) ? 1 : key.contains(q) ? 2 : -1;
            if (!q.isEmpty() && r >= 0) {
                ids.forEach(id -> rank.merge(id, r, Math::min));
            }
        });
        for (GazetteerEntity e : gazetteer.entities()) {
            int r = e.id().equals(idQuery) ? 0 : e.id().contains(idQuery) ? 2 : -1;
            if (r >= 0) {
                rank.merge(e.id(), r, Math::min);
            }
        }
        // among equal matches, an id that starts with the query first ("wagner" → wagner-group before honus-wagner)
        rank.replaceAll((id, r) -> 2 * r + (id.startsWith(idQuery) ? 0 : 1));
        return rank.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(en -> gazetteer.entity(en.getKey()).orElseThrow())
                .filter(e -> type == null || e.type() == type).toList();
    }

    /** Close ids for a mistyped or partial one: {@code wagner} → wagner-group, {@code tobrok} → tobruk. */
    List<String> suggest(String id, int max) {
        Set<String> out = new LinkedHashSet<>(Suggestions.close(id, gazetteer.entities().stream()
                .map(GazetteerEntity::id).toList(), max));
        for (GazetteerEntity e : search(id.replace('-', ' '), null)) {
            out.add(e.id());
        }
        return new ArrayList<>(out).subList(0, Math.min(max, out.size()));
    }

    /** {@code wagner-group  ORG  Wagner Group / مجموعة فاغنر} */
    static String describe(GazetteerEntity e) {
        StringBuilder line = new StringBuilder(e.id()).append("  ").append(e.type()).append("  ").append(e.displayName());
        if (e.nameAr() != null && !e.nameAr().equals(e.displayName())) {
            line.append(" / ").append(e.nameAr());
        }
        return line.toString();
    }
}
