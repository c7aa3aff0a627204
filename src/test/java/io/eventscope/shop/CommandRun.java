package io.eventscope.shop;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands run against one aggregate type two ways at once: the state evolved step by step
 * in memory, and the accepted events stored through the codec as JSON text in an
 * InMemoryEventStore, so the state can be rebuilt from what was stored.
 */
public final class CommandRun<C, S, E> {
    private final AggregateType<C, S, E> type;
    private final EventStore store = new InMemoryEventStore();
    private final Map<String, S> states = new HashMap<>();

    public CommandRun(AggregateType<C, S, E> type) {
        this.type = type;
    }

    public Decision<E> handle(C command) {
        String id = type.aggregateId(command);
        S state = state(id);
        Decision<E> decision = type.decider().decide(command, state);
        if (!decision.accepted()) {
            return decision;
        }
        String streamId = StreamIds.of(type.name(), id);
        List<NewEvent> stored = new ArrayList<>();
        for (E event : decision.events()) {
            state = type.decider().evolve(state, event);
            stored.add(toStored(id, event));
        }
        store.append(streamId, ExpectedVersion.exactly(store.streamVersion(streamId)), stored);
        states.put(id, state);
        return decision;
    }

    /** The state built step by step. */
    public S state(String aggregateId) {
        return states.getOrDefault(aggregateId, type.decider().initialState());
    }

    public Map<String, S> states() {
        return states;
    }

    /** The state folded from the events read back from the store. */
    public S stateFromStore(String aggregateId) {
        Decider<C, S, E> decider = type.decider();
        S state = decider.initialState();
        for (EventEnvelope stored : store.readStream(StreamIds.of(type.name(), aggregateId), 1, Integer.MAX_VALUE,
                Direction.FORWARDS)) {
            state = decider.evolve(state, type.events().fromJson(stored.eventType(), stored.data()));
        }
        return state;
    }

    private NewEvent toStored(String id, E event) {
        EventCodec<E> codec = type.events();
        String text = Json.write(codec.toJson(event));
        return new NewEvent(null, codec.typeName(event), type.name(), id, codec.schemaVersion(event), null,
                Json.parse(text), null);
    }
}
