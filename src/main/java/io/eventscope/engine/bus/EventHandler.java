package io.eventscope.engine.bus;

import io.eventscope.engine.event.EventEnvelope;

/** Reacts to one committed event; throwing means "not handled", and the bus retries. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event) throws Exception;
}
