package dev.newsmon.core.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.core.model.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads gazetteer files (YAML or JSON, format in docs/GAZETTEER.md) strictly: an unknown field, a bad type, a
 * malformed name pattern or a context rule naming an unknown entity is an error that says which entity and
 * which field, because a typo in a gazetteer silently loses mentions otherwise.
 */
final class GazetteerFormat {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> ENTITY_FIELDS = Set.of("id", "type", "en", "ar", "names", "aliases",
            "ambiguous", "titles", "article", "context", "note");
    private static final Set<String> CONTEXT_FIELDS = Set.of("cues", "coMentions", "against", "notFollowedBy",
            "notPrecededBy", "otherwise", "notPredicateBefore", "vocalized", "inTitle");

    private GazetteerFormat() {
    }

    static List<GazetteerEntity> read(InputStream in, String where) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        return parse(root, where);
    }

    static List<GazetteerEntity> parse(JsonNode root, String where) {
        if (root == null || !root.path("entities").isArray()) {
            throw new IllegalArgumentException(where + ": expected a top-level 'entities' list");
        }
        List<GazetteerEntity> out = new ArrayList<>();
        int index = 0;
        for (JsonNode e : root.path("entities")) {
            out.add(entity(e, where + ": entity #" + index));
            index++;
        }
        return out;
    }

    private static GazetteerEntity entity(JsonNode e, String where) {
        if (!e.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        String id = requiredText(e, "id", where);
        String at = where + " '" + id + "'";
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(at + ": id must be lower-case words joined by '-'");
        }
        checkFields(e, ENTITY_FIELDS, at);
        EntityType type = type(requiredText(e, "type", at), at);
        String en = optionalText(e, "en", at);
        String ar = optionalText(e, "ar", at);
        if (en == null && ar == null) {
            throw new IllegalArgumentException(at + ": needs a canonical name ('en' or 'ar')");
        }
        List<String> ambiguous = list(e, "ambiguous", at);
        List<String> names = new ArrayList<>();
        for (String canonical : new String[] {en, ar}) {
            if (canonical != null && !ambiguous.contains(canonical)) {
                names.add(canonical);
            }
        }
        addAll(names, list(e, "names", at));
        addAll(names, list(e, "aliases", at));
        List<String> titles = list(e, "titles", at);
        boolean article = article(e, at);
        EntityContext context = context(e.get("context"), at);
        if (!ambiguous.isEmpty() && e.get("context") == null) {
            throw new IllegalArgumentException(at + ": has ambiguous names but no 'context' to decide them");
        }
        GazetteerEntity entity = new GazetteerEntity(id, type, en, ar, names, ambiguous, titles, article, context,
                false);
        validatePatterns(entity, at);
        return entity;
    }

    private static void validatePatterns(GazetteerEntity entity, String at) {
        List<String> all = new ArrayList<>(entity.names());
        all.addAll(entity.ambiguousNames());
        all.addAll(entity.titles());
        EntityContext c = entity.context();
        all.addAll(c.cues());
        all.addAll(c.against());
        all.addAll(c.notFollowedBy());
        all.addAll(c.notPrecededBy());
        all.addAll(c.notPredicateBefore());
        all.addAll(c.vocalized());
        for (String name : all) {
            try {
                if (NameCompiler.plainKeys(name, true).isEmpty()) {
                    throw new IllegalArgumentException("\"" + name + "\" has no letters or digits");
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(at + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static EntityContext context(JsonNode c, String at) {
        if (c == null || c.isNull()) {
            return EntityContext.NONE;
        }
        String where = at + " context";
        if (!c.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        checkFields(c, CONTEXT_FIELDS, where);
        EntityContext.Otherwise fallback = fallback(c, "otherwise", where);
        return new EntityContext(list(c, "cues", where), list(c, "coMentions", where), list(c, "against", where),
                list(c, "notFollowedBy", where), list(c, "notPrecededBy", where),
                fallback == null ? EntityContext.Otherwise.DROP : fallback, list(c, "notPredicateBefore", where),
                list(c, "vocalized", where), fallback(c, "inTitle", where));
    }

    private static EntityContext.Otherwise fallback(JsonNode c, String field, String where) {
        String value = optionalText(c, field, where);
        if (value == null) {
            return null;
        }
        try {
            return EntityContext.Otherwise.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be keep or drop, not '" + value + "'", ex);
        }
    }

    private static boolean article(JsonNode e, String at) {
        String value = optionalText(e, "article", at);
        if (value == null || value.equals("optional")) {
            return true;
        }
        if (value.equals("never")) {
            return false;
        }
        throw new IllegalArgumentException(at + ": 'article' must be optional or never, not '" + value + "'");
    }

    private static EntityType type(String value, String at) {
        try {
            return EntityType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(at + ": type must be PERSON, ORG or PLACE, not '" + value + "'", ex);
        }
    }

    private static void checkFields(JsonNode node, Set<String> known, String at) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new IllegalArgumentException(at + ": unknown field '" + field + "' (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String at) {
        String v = optionalText(node, field, at);
        if (v == null) {
            throw new IllegalArgumentException(at + ": missing '" + field + "'");
        }
        return v;
    }

    private static String optionalText(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + ": '" + field + "' must be a non-empty text");
        }
        return v.asText().strip();
    }

    private static List<String> list(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(at + ": '" + field + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new IllegalArgumentException(at + ": '" + field + "' holds an empty or non-text item");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    private static void addAll(List<String> names, List<String> more) {
        for (String n : more) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
    }
}
