package io.eventscope.engine.store;

/** Anything the store refuses or cannot do, with a message a person can act on. */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
