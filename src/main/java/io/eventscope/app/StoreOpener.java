package io.eventscope.app;

import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;

/** Opens (creating when missing) the store kept in a file; called off the FX thread. */
@FunctionalInterface
public interface StoreOpener {
    EventStore open(Path file);
}
