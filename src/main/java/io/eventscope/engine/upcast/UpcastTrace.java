package io.eventscope.engine.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
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

    /**
     * What step {@code index} changed in the data, as RFC 6902 operations (path, op, value), for
     * highlighting; {@code index} -1 compares the stored data with the final result.
     */
    public JsonNode changes(int index) {
        JsonNode before = index <= 0 ? stored.data() : steps.get(index - 1).result().data();
        JsonNode after = index < 0 ? upcasted().data() : steps.get(index).result().data();
        return JsonDiff.asJson(before, after);
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
