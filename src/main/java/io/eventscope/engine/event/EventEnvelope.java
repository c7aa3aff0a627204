package io.eventscope.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored event. {@code version} is the 1-based position inside its stream,
 * {@code schemaVersion} the shape of {@code data}, {@code position} the place in the global
 * log. The global log is ordered by position, never by clock. Treat {@code data} as
 * read-only: it is shared, not copied.
 */
public record EventEnvelope(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        String streamId,
        long version,
        int schemaVersion,
        long position,
        Instant timestamp,
        JsonNode data,
        Metadata metadata) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }

    public String correlationId() {
        return metadata.correlationId();
    }

    public String causationId() {
        return metadata.causationId();
    }

    /** The same event with another payload shape, as an upcaster produces it. */
    public EventEnvelope withPayload(String type, int newSchemaVersion, JsonNode newData) {
        return new EventEnvelope(eventId, type, aggregateType, aggregateId, streamId, version,
                newSchemaVersion, position, timestamp, newData, metadata);
    }
}
