package io.eventscope.engine.store;

/** An event id is already stored with other content: ids are forever. */
public class DuplicateEventException extends EventStoreException {
    private final String eventId;

    public DuplicateEventException(String eventId, String detail) {
        super("Event id '" + eventId + "' is already stored with other content: " + detail);
        this.eventId = eventId;
    }

    public String eventId() {
        return eventId;
    }
}
