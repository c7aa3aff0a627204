package io.eventscope.engine.bus;

/** A handler kept failing on an event handed to the bus, through all its attempts; the cause is the last failure. */
public final class HandlerFailedException extends RuntimeException {
    public HandlerFailedException(String handlerName, int attempts, Exception lastFailure) {
        super("handler '" + handlerName + "' failed " + attempts + " time(s): " + lastFailure, lastFailure);
    }
}
