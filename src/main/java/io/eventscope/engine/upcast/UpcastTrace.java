package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;
import java.util.List;

/**
 * An event as stored, every step the chain took, and the event as readers see it: what the
 * Versions view shows side by side. No steps means the stored form is already current.
 */
public record UpcastTrace(EventEnvelope stored, List<UpcastStep> steps) {

    public UpcastTrace {
        steps = List.copyOf(steps);
    }

    public boolean changed() {
        return !steps.isEmpty();
    }

    /** The event in its newest shape; the stored one when nothing applied. */
    public EventEnvelope upcasted() {
        if (steps.isEmpty()) {
            return stored;
        }
        VersionedPayload last = steps.get(steps.size() - 1).result();
        return stored.withPayload(last.eventType(), last.schemaVersion(), last.data());
    }
}
