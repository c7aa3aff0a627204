package io.eventscope.engine.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;

/** The part of an event that upcasting changes: its type, its schema version and its data. */
public record VersionedPayload(String eventType, int schemaVersion, JsonNode data) {

    public static VersionedPayload of(EventEnvelope event) {
        return new VersionedPayload(event.eventType(), event.schemaVersion(), event.data());
    }
}
