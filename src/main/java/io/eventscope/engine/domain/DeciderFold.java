package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;

/** Folds a stream of an aggregate type: decode each event with its codec, then evolve. */
public final class DeciderFold<C, S, E> implements StreamFold<S, E> {
    private final AggregateType<C, S, E> type;

    public DeciderFold(AggregateType<C, S, E> type) {
        this.type = type;
    }

    @Override
    public S initialState() {
        return type.decider().initialState();
    }

    @Override
    public E decode(EventEnvelope event) {
        try {
            return type.events().fromJson(event.eventType(), event.data());
        } catch (RuntimeException e) {
            throw new StateFoldException(event, "the " + type.name() + " codec cannot decode it: " + e.getMessage(), e);
        }
    }

    @Override
    public S apply(S state, E decoded) {
        return type.decider().evolve(state, decoded);
    }

    @Override
    public JsonNode toJson(S state) {
        return Json.MAPPER.valueToTree(state);
    }
}
