package dev.newsmon.core.dedup;

import dev.newsmon.core.model.DedupMethod;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether an article repeats one seen within the horizon, and remembers the new ones.
 * Must see articles in one total order (the topology's sequencer) so that decisions are deterministic.
 *
 * <p>Checks, in order: the same article id again, the same canonical URL ({@code url}), the same normalized
 * main text ({@code content}).
 */
public final class DedupEngine {

    static final String ID_KEY = "i:";
    static final String URL_KEY = "u:";
    static final String CONTENT_KEY = "c:";

    public DedupDecision decide(DedupCandidate c, DedupState state) {
        String seenId = owner(state, ID_KEY + c.id());
        if (seenId != null) {
            return DedupDecision.copyOf(seenId, DedupMethod.URL, 1.0);
        }
        if (c.canonicalUrl() != null) {
            String owner = owner(state, URL_KEY + c.canonicalUrl());
            if (owner != null) {
                return DedupDecision.copyOf(owner, DedupMethod.URL, 1.0);
            }
        }
        String contentOwner = owner(state, CONTENT_KEY + c.contentHash());
        if (contentOwner != null) {
            return DedupDecision.copyOf(contentOwner, DedupMethod.CONTENT, 1.0);
        }
        remember(c, state);
        return DedupDecision.UNIQUE;
    }

    private static void remember(DedupCandidate c, DedupState state) {
        byte[] id = c.id().getBytes(StandardCharsets.UTF_8);
        state.put(ID_KEY + c.id(), id, c.eventTimeMs());
        if (c.canonicalUrl() != null) {
            state.put(URL_KEY + c.canonicalUrl(), id, c.eventTimeMs());
        }
        state.put(CONTENT_KEY + c.contentHash(), id, c.eventTimeMs());
    }

    private static String owner(DedupState state, String key) {
        byte[] v = state.get(key);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }
}
