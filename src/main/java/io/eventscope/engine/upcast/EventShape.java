package io.eventscope.engine.upcast;

/** An event type in one schema version: what an upcaster reads or gives. */
public record EventShape(String eventType, int schemaVersion) {
}
