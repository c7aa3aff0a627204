package io.eventscope.engine.domain;

import io.eventscope.engine.event.EventEnvelope;

/** A stored event could not be folded into its stream's state; names the event and why. */
public class StateFoldException extends RuntimeException {
    public StateFoldException(EventEnvelope event, String why, Throwable cause) {
        super("Event " + event.eventId() + " (" + event.eventType() + ", version " + event.version() + " of stream '"
                + event.streamId() + "', position " + event.position() + "): " + why, cause);
    }
}
