package dev.newsmon.core.tagging;

import java.util.List;

/**
 * How a mention through one of an entity's ambiguous names is decided (docs/GAZETTEER.md, "Context rules").
 * All word lists are phrases in the name pattern language, matched with the same normalization and clitics
 * as names.
 *
 * @param cues          words or phrases anywhere in the article (title or text) that support this entity
 * @param coMentions    entity ids whose unambiguous mention in the article supports this entity
 * @param against       words or phrases anywhere in the article that rule this entity out
 * @param notFollowedBy the mention is not this entity when the next word is one of these
 * @param notPrecededBy the mention is not this entity when the word before it is one of these
 * @param otherwise     what an ambiguous mention becomes when nothing above decides
 * @param notPredicateBefore the mention is not this entity when it is the predicate of a nominal sentence:
 *                      written without proclitic right after a definite noun (ال..., not ending in ة) and
 *                      followed by one of these words (الصندوق مصر على = "the Fund is insistent on")
 * @param vocalized     the name with its harakat (مِصْر): a mention whose written harakat contradict them is
 *                      another word (مُصِرّ)
 * @param inTitle       what an ambiguous mention in the title becomes when nothing decides; null: as
 *                      {@code otherwise} (headlines name the best-known referent bare)
 */
public record EntityContext(List<String> cues, List<String> coMentions, List<String> against,
        List<String> notFollowedBy, List<String> notPrecededBy, Otherwise otherwise, List<String> notPredicateBefore,
        List<String> vocalized, Otherwise inTitle) {

    /** No context: ambiguous names of the entity count only when something else in the article names it. */
    public static final EntityContext NONE =
            new EntityContext(List.of(), List.of(), List.of(), List.of(), List.of(), Otherwise.DROP);

    /** Context rules without the predicate, vocalization and headline rules. */
    public EntityContext(List<String> cues, List<String> coMentions, List<String> against,
            List<String> notFollowedBy, List<String> notPrecededBy, Otherwise otherwise) {
        this(cues, coMentions, against, notFollowedBy, notPrecededBy, otherwise, List.of(), List.of(), null);
    }

    /** The fallback for an ambiguous mention without evidence either way. */
    public enum Otherwise {
        /** Count it for this entity (the usual reading, e.g. bare طرابلس is Tripoli, Libya). */
        KEEP,
        /** Do not count it (needs evidence, e.g. bare سرت may be a verb). */
        DROP
    }

    public EntityContext {
        cues = List.copyOf(cues);
        coMentions = List.copyOf(coMentions);
        against = List.copyOf(against);
        notFollowedBy = List.copyOf(notFollowedBy);
        notPrecededBy = List.copyOf(notPrecededBy);
        otherwise = otherwise == null ? Otherwise.DROP : otherwise;
        notPredicateBefore = notPredicateBefore == null ? List.of() : List.copyOf(notPredicateBefore);
        vocalized = vocalized == null ? List.of() : List.copyOf(vocalized);
        inTitle = inTitle == null ? otherwise : inTitle;
    }
}
