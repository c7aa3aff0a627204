package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;

/**
 * How the events of a stream fold into its state: through a decider's {@code evolve}, or by
 * merging event data for streams no decider owns. States are never mutated once returned.
 */
public interface StreamFold<S> {
    S initialState();

    S apply(S state, EventEnvelope event);

    /** The state as JSON for display; the caller may keep or change the node. */
    JsonNode toJson(S state);
}
