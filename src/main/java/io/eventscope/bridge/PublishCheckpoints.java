package io.eventscope.bridge;

import io.eventscope.engine.store.OpenStore;

/** The last position a broker confirmed, per bridge, kept beside the events it refers to. */
public interface PublishCheckpoints {
    /** 0 when the bridge has published nothing yet. */
    long confirmed(String bridge);

    void confirm(String bridge, long position);

    /** In the store's database when it has one; in memory for the in-memory store, which forgets everything anyway. */
    static PublishCheckpoints of(OpenStore store) {
        return store.inMemory() ? new InMemoryPublishCheckpoints() : new JdbcPublishCheckpoints(store.database());
    }
}
