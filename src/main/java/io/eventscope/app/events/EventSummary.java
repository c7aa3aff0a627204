package io.eventscope.app.events;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The columns of one row of the Events table, formatted off the FX thread. */
public record EventSummary(
        long position,
        String time,
        String streamId,
        long version,
        String eventType,
        int schemaVersion,
        String correlationId,
        String causationId,
        String userId,
        String eventId) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** A row of the table as the store holds it: the data is not shown, so it is never parsed. */
    public static EventSummary of(RawEvent e) {
        return new EventSummary(e.position(), TIME.format(e.timestamp()), e.streamId(), e.version(),
                e.eventType(), e.schemaVersion(), e.metadata().correlationId(), e.metadata().causationId(),
                e.metadata().userId(), e.eventId());
    }

    public static EventSummary of(EventEnvelope e) {
        return new EventSummary(e.position(), TIME.format(e.timestamp()), e.streamId(), e.version(),
                e.eventType(), e.schemaVersion(), e.correlationId(), e.causationId(), e.metadata().userId(),
                e.eventId());
    }
}
