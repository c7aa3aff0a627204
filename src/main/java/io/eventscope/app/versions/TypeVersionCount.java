package io.eventscope.app.versions;

/** One line of the types table: how many stored events have this type at this schema version. */
public record TypeVersionCount(String eventType, int schemaVersion, long count) {
}
