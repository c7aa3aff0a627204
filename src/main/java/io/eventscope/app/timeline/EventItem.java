package io.eventscope.app.timeline;

import io.eventscope.engine.event.EventEnvelope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One event of the stream in the list beside the slider; the list holds these, never whole payloads. */
public record EventItem(String streamId, long version, long position, String eventType, Instant timestamp) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    static EventItem of(EventEnvelope e) {
        return new EventItem(e.streamId(), e.version(), e.position(), e.eventType(), e.timestamp());
    }

    public String time() {
        return TIME.format(timestamp);
    }

    @Override
    public String toString() {
        return "v" + version + "  " + eventType;
    }
}
