package io.eventscope.engine.upcast;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brings the payload of one event type from one schema version to the next, on the JSON tree.
 * It returns a new tree and never mutates the one it is given: stored events are facts, and the
 * same stored tree is shown beside every step of the chain.
 */
public interface Upcaster {

    /** The stored type this upcaster reads. */
    String eventType();

    /** The schema version it reads; it produces {@code fromSchemaVersion() + 1}. */
    int fromSchemaVersion();

    /** The type it produces: the same as {@link #eventType()} unless this step renames the type. */
    default String toEventType() {
        return eventType();
    }

    /** The payload at the next schema version, a new tree. Throws with a readable message when it cannot. */
    JsonNode upcast(JsonNode data);

    /** How steps, reports and errors name this upcaster. */
    default String name() {
        String target = toEventType().equals(eventType()) ? "" : toEventType() + " ";
        return eventType() + " v" + fromSchemaVersion() + " -> " + target + "v" + (fromSchemaVersion() + 1);
    }
}
