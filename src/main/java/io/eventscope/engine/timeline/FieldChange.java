package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;

/**
 * One event that changed a field: the field's value before and after it, a missing node where
 * the field did not exist.
 */
public record FieldChange(EventEnvelope event, JsonNode before, JsonNode after) {

    public boolean removed() {
        return after.isMissingNode();
    }
}
