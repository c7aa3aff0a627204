package io.eventscope.engine.whatif;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.StateCache;
import io.eventscope.engine.domain.StateLoader;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.timeline.StreamTimeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A branch as a store of its own, in memory, so each of its streams can be scrubbed and played
 * like any stream: same versions, same timestamps, folded by the same deciders. The real store
 * is not involved.
 */
public final class BranchReplay {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final TimeTravel timeTravel;
    private final List<String> streams;

    public BranchReplay(WhatIfResult result, List<AggregateType<?, ?, ?>> types) {
        for (EventEnvelope e : result.branchLog()) {
            store.append(e.streamId(), ExpectedVersion.exactly(e.version() - 1), List.of(new NewEvent(e.eventId(),
                    e.eventType(), e.aggregateType(), e.aggregateId(), e.schemaVersion(), e.timestamp(), e.data(),
                    e.metadata())));
        }
        Map<String, AggregateType<?, ?, ?>> byName = new HashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        timeTravel = new TimeTravel(store, new StateLoader(store, StateCache.withDefaults()), byName);
        streams = result.states().stream().map(StateComparison::streamId).toList();
    }

    /** Every stream of the branch, as the final states list them. */
    public List<String> streams() {
        return streams;
    }

    public StreamTimeline timeline(String streamId) {
        return new StreamTimeline(timeTravel, streamId);
    }

    /** The stream's events in the branch, in version order. */
    public List<EventEnvelope> events(String streamId) {
        return LogPages.stream(store, streamId);
    }
}
