package io.eventscope.bridge;

/** A message that no rule turns into an event; the message says why, and it is dead-lettered with that reason. */
public final class UnmappableMessageException extends RuntimeException {
    public UnmappableMessageException(String reason) {
        super(reason);
    }
}
