package io.eventscope.app;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;

/** Opens stores; called off the FX thread. */
@FunctionalInterface
public interface StoreOpener {
    /** Opens (creating when missing) the store kept in a file. */
    OpenStore open(Path file);

    /** Opens the store on a database server (a PostgreSQL JDBC URL, perhaps with a password). */
    default OpenStore openShared(String jdbcUrl) {
        return Stores.open(jdbcUrl);
    }
}
