package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a domain's event records into stored form and back, by type name and schema version. */
public interface EventCodec<E> {
    String typeName(E event);

    int schemaVersion(E event);

    JsonNode toJson(E event);

    /** The event for stored data already upcast to the current schema version of its type. */
    E fromJson(String typeName, JsonNode data);

    boolean knows(String typeName);
}
