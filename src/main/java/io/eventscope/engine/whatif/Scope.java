package io.eventscope.engine.whatif;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which streams a fork replays: those a correlation touched (its events' and its commands'
 * streams), or a chosen set. Exactly one of the two is given.
 */
public record Scope(String correlationId, Set<String> streamIds) {

    public Scope {
        streamIds = streamIds == null ? Set.of() : Set.copyOf(new TreeSet<>(streamIds));
        if ((correlationId == null) == streamIds.isEmpty()) {
            throw new IllegalArgumentException("a what-if scope is a correlation id or a set of streams, not both nor neither");
        }
    }

    public static Scope correlation(String correlationId) {
        return new Scope(correlationId, null);
    }

    public static Scope streams(Set<String> streamIds) {
        return new Scope(null, streamIds);
    }

    public boolean isCorrelation() {
        return correlationId != null;
    }
}
