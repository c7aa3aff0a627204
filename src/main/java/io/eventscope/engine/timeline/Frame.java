package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.HistoryStep;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;

/**
 * What the scrubber shows at one version: the state, the event that led to it (null at
 * version 0), the state just before that event and its changes as RFC 6902 operations.
 */
public record Frame(long version, EventEnvelope event, JsonNode before, JsonNode state, JsonNode changes) {

    static Frame initial(JsonNode state) {
        return new Frame(0, null, state, state, Json.MAPPER.createArrayNode());
    }

    static Frame of(HistoryStep step) {
        return new Frame(step.event().version(), step.event(), step.before(), step.after(), step.changes());
    }

    /** The paths this frame's event changed, to highlight in the state. */
    public ChangedPaths changedPaths() {
        return ChangedPaths.of(changes);
    }
}
