package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;

/**
 * How the events of a stream fold into its state: through a decider's {@code evolve}, or by
 * merging event data for streams no decider owns. Folding is split in two: {@code decode}
 * does what does not depend on the state (reading the event into a record), so a loader may
 * decode many events at once and in parallel; {@code apply} then goes in order. States are
 * never mutated once returned.
 *
 * @param <S> the state
 * @param <D> an event as {@code apply} takes it
 */
public interface StreamFold<S, D> {
    S initialState();

    D decode(EventEnvelope event);

    S apply(S state, D decoded);

    /** The state as JSON for display; the caller may keep or change the node. */
    JsonNode toJson(S state);
}
