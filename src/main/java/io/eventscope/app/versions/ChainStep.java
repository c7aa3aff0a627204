package io.eventscope.app.versions;

/**
 * One step of the selected event's chain as the view lists it: the upcaster (or "stored" for
 * the starting point), the type and schema version it produced, what it changed (RFC 6902
 * operations, one per line) and the resulting data, pretty-printed.
 */
public record ChainStep(String upcaster, String eventType, int schemaVersion, String changes, String json) {

    @Override
    public String toString() {
        return upcaster + "  →  " + eventType + " v" + schemaVersion;
    }
}
