package io.eventscope.app;

import io.eventscope.engine.store.OpenStore;
import java.nio.file.Path;

/** Opens (creating when missing) the store kept in a file; called off the FX thread. */
@FunctionalInterface
public interface StoreOpener {
    OpenStore open(Path file);
}
