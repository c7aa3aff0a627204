package io.eventscope.engine.event;

import java.time.Instant;

/**
 * One stored event with its data still the JSON text the store holds: what an export copies
 * out without parsing and writing it again. {@code data} is one JSON object.
 */
public record RawEvent(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        String streamId,
        long version,
        int schemaVersion,
        long position,
        Instant timestamp,
        String data,
        Metadata metadata) {

    /** The event of a store that holds parsed data: its data written as text. */
    public static RawEvent of(EventEnvelope e) {
        return new RawEvent(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), e.streamId(), e.version(),
                e.schemaVersion(), e.position(), e.timestamp(), Json.write(e.data()), e.metadata());
    }
}
