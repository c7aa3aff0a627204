package io.eventscope.engine.upcast;

/** One stored event an upcaster failed on, as the dry run lists it. */
public record UpcastFailure(long position, String eventId, String eventType, int schemaVersion,
                            String upcaster, String message) {
}
