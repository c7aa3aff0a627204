package io.eventscope.engine.timeline;

import io.eventscope.engine.domain.StateCache;
import io.eventscope.engine.domain.StateLoader;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A store of streams without deciders (they fold as JSON merges) and time travel over it. */
final class ImportedStreams {
    final InMemoryEventStore store = new InMemoryEventStore();
    final TimeTravel timeTravel = new TimeTravel(store, new StateLoader(store, new StateCache(4, 16, 8)), Map.of());

    ImportedStreams append(String stream, String type, String json) {
        return append(stream, type, json, null, null);
    }

    ImportedStreams append(String stream, String type, String json, String correlationId, Instant at) {
        store.append(stream, ExpectedVersion.ANY, List.of(new NewEvent(null, type, null, null, 1, at, Json.parse(json),
                Metadata.of("ann", correlationId, null))));
        return this;
    }
}
