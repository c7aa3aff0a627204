package io.eventscope.engine.store;

import io.eventscope.engine.store.jdbc.Database;

/**
 * An opened event store and the database it lives in, which the command journal, dead
 * letters and read models share; {@code database} is null for the in-memory store. Closing
 * closes both.
 */
public record OpenStore(EventStore store, Database database) implements AutoCloseable {

    public boolean inMemory() {
        return database == null;
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
