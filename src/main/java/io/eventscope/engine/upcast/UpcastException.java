package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;

/** An upcaster failed on a stored event: names the event, its position and the upcaster. */
public class UpcastException extends RuntimeException {
    private final String eventId;
    private final long position;
    private final String upcaster;

    public UpcastException(EventEnvelope event, Upcaster upcaster, RuntimeException cause) {
        super("Upcaster '" + upcaster.name() + "' failed on event '" + event.eventId() + "' at position "
                + event.position() + " (stream " + event.streamId() + " version " + event.version() + "): "
                + describe(cause), cause);
        this.eventId = event.eventId();
        this.position = event.position();
        this.upcaster = upcaster.name();
    }

    public String eventId() {
        return eventId;
    }

    public long position() {
        return position;
    }

    public String upcaster() {
        return upcaster;
    }

    /** The cause's own words, without the wrapper's context. */
    public String reason() {
        return describe(getCause());
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
