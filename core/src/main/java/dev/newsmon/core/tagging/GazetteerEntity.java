package dev.newsmon.core.tagging;

import dev.newsmon.core.model.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * One entity of the gazetteer: canonical English and Arabic names plus every surface form to match.
 *
 * @param names all names to match (canonical names included), as written; normalization happens at index time
 */
public record GazetteerEntity(String id, EntityType type, String nameEn, String nameAr, List<String> names) {

    public GazetteerEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
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
}
