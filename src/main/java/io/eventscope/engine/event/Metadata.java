package io.eventscope.engine.event;

import java.util.Map;

/**
 * Who did it and why: the user, the correlation that groups a whole conversation, and the
 * causation naming the command or event that directly caused this one. Free string
 * entries carry anything else (trace ids, tenant, source system).
 */
public record Metadata(String userId, String correlationId, String causationId, Map<String, String> extra) {

    public static final Metadata EMPTY = new Metadata(null, null, null, Map.of());

    public Metadata {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Metadata of(String userId, String correlationId, String causationId) {
        return new Metadata(userId, correlationId, causationId, Map.of());
    }
}
