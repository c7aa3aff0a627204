package io.eventscope.app;

import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;

/**
 * The store the workbench is looking at.
 *
 * @param name what the status bar and title show
 * @param file where it lives, null for a store that is not a file (in memory)
 */
public record StoreSession(EventStore store, String name, Path file) {
}
