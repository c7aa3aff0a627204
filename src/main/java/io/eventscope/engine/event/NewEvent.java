package io.eventscope.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event about to be appended. The store assigns version and position; a null timestamp
 * means "now". Imports pass the original timestamp so history keeps its clock.
 */
public record NewEvent(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        int schemaVersion,
        Instant timestamp,
        JsonNode data,
        Metadata metadata) {

    public NewEvent {
        eventId = eventId == null || eventId.isBlank() ? UUID.randomUUID().toString() : eventId;
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(data, "data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("event data must be a JSON object, was " + data.getNodeType());
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    public static NewEvent of(String eventType, JsonNode data, Metadata metadata) {
        return new NewEvent(null, eventType, null, null, 1, null, data, metadata);
    }
}
