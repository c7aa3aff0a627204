package io.eventscope.app.versions;

import io.eventscope.engine.upcast.VersionedPayload;

/**
 * One link of an event's upcasting chain as the Versions view lists it: the upcaster, the
 * shape it produced, and how that differs from the shape before it.
 */
public record ChainStep(int number, String upcaster, VersionedPayload result, PayloadDiff diff) {

    /** "OrderCreated@2". */
    public String typeAndVersion() {
        return result.eventType() + "@" + result.schemaVersion();
    }

    /** "1. OrderCreated v1 -> v2 ⇒ OrderCreated@2 · 1 change". */
    public String label() {
        int n = diff.changes().size();
        return number + ". " + upcaster + " ⇒ " + typeAndVersion() + " · " + n + (n == 1 ? " change" : " changes");
    }
}
