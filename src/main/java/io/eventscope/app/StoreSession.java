package io.eventscope.app;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import java.nio.file.Path;

/**
 * The store the workbench is looking at, with the engine built on it.
 *
 * @param name what the status bar and title show
 * @param file where it lives, null for a store that is not a file (in memory)
 */
public record StoreSession(OpenStore opened, Engine engine, String name, Path file) implements AutoCloseable {

    public EventStore store() {
        return opened.store();
    }

    /** The engine owns the opened store: closing it closes the store and its database. */
    @Override
    public void close() {
        engine.close();
    }
}
