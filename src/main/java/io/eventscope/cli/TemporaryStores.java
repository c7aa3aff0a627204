package io.eventscope.cli;

import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** TEMPORARY until engine/store/Stores lands from the store branch: one in-memory store per spec. */
final class TemporaryStores {
    private static final Map<String, EventStore> STORES = new ConcurrentHashMap<>();

    private TemporaryStores() {
    }

    static EventStore open(String spec) {
        return STORES.computeIfAbsent(String.valueOf(spec), s -> new InMemoryEventStore());
    }
}
