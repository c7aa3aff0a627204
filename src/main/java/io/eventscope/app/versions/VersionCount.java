package io.eventscope.app.versions;

/**
 * How many stored events have one type and schema version, and what readers see them as.
 *
 * @param becomes "OrderCreated v3" when upcasters apply, empty when this shape is current
 */
public record VersionCount(String eventType, int schemaVersion, long count, String becomes) {
}
