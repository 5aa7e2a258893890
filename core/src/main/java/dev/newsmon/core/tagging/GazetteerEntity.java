package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * One entity of the gazetteer: canonical English and Arabic names, the names that always mean it, the names
 * that need context, and the context rules. Names are in the pattern language of docs/GAZETTEER.md; they are
 * normalized and expanded when a tagger is built.
 *
 * @param names          names that always count as this entity (canonical names included unless ambiguous)
 * @param ambiguousNames names that count only when the article's context says so ({@link EntityContext})
 * @param titles         words that may precede any name and then make it unambiguous (المشير, Marshal)
 * @param articleAllowed whether the text may put the Arabic article ال before a name written without it
 *                       (الفاغنر); false where that makes another word (المالي is "the financial", not Mali)
 * @param userDefined    names come from a user watchlist: taken literally when they are not a valid pattern
 */
public record GazetteerEntity(String id, EntityType type, String nameEn, String nameAr, List<String> names,
        List<String> ambiguousNames, List<String> titles, boolean articleAllowed, EntityContext context,
        boolean userDefined) {

    public GazetteerEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
        ambiguousNames = ambiguousNames == null ? List.of() : List.copyOf(ambiguousNames);
        titles = titles == null ? List.of() : List.copyOf(titles);
        context = context == null ? EntityContext.NONE : context;
    }

    /** An entity whose names all count without context. */
    public GazetteerEntity(String id, EntityType type, String nameEn, String nameAr, List<String> names) {
        this(id, type, nameEn, nameAr, names, List.of(), List.of(), true, EntityContext.NONE, false);
    }

    /** The display name: English when known, else Arabic, else the id. */
    public String displayName() {
        if (nameEn != null && !nameEn.isBlank()) {
            return nameEn;
        }
        if (nameAr != null && !nameAr.isBlank()) {
            return nameAr;
        }
        return id;
    }

    /** This entity with more names that always count (a watchlist adding aliases). */
    GazetteerEntity withExtraNames(List<String> extra, EntityType newType) {
        List<String> merged = new java.util.ArrayList<>(names);
        for (String n : extra) {
            if (!merged.contains(n)) {
                merged.add(n);
            }
        }
        return new GazetteerEntity(id, newType != null ? newType : type, nameEn, nameAr, merged, ambiguousNames,
                titles, articleAllowed, context, true);
    }
}
