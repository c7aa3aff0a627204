package io.eventscope.app.versions;

import io.eventscope.engine.event.EventEnvelope;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One event in the Versions view's list of a type and version, formatted off the FX thread. */
public record EventListing(long position, String streamId, long version, String time) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public static EventListing of(EventEnvelope e) {
        return new EventListing(e.position(), e.streamId(), e.version(), TIME.format(e.timestamp()));
    }
}
