package io.eventscope.engine.bus;

import io.eventscope.engine.event.EventEnvelope;
import java.time.Instant;

/**
 * An event a handler kept failing on, parked for a person to retry or discard: which
 * handler, which event, the last error (with its stack trace) and how many attempts were made.
 */
public record DeadLetter(long id, String handlerName, EventEnvelope event, String error, int attempts, Instant parkedAt) {

    /** The first line of the error, for lists. */
    public String errorSummary() {
        int end = error.indexOf('\n');
        return end < 0 ? error : error.substring(0, end).trim();
    }
}
