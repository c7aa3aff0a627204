package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;

/** The event a projection could not apply, with why; everything before it is committed. */
final class EventFailure extends Exception {
    private final transient EventEnvelope event;

    EventFailure(EventEnvelope event, Throwable cause) {
        super(describe(event) + ": " + rootMessage(cause), cause);
        this.event = event;
    }

    EventEnvelope event() {
        return event;
    }

    static String describe(EventEnvelope e) {
        return e.eventType() + " at position " + e.position() + " (event " + e.eventId() + ", stream " + e.streamId() + ")";
    }

    private static String rootMessage(Throwable t) {
        String message = t.toString();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message;
    }
}
