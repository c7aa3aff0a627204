package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.OpenStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores whose filter index moves only when a test moves it: the states a slow indexer, a
 * store written by an older release or a crash with the index behind leave.
 */
public final class HeldBackIndex {
    private HeldBackIndex() {
    }

    /** Opens the store at a JDBC URL without its background indexer. */
    public static OpenStore open(String jdbcUrl) {
        Database db = Database.open(jdbcUrl);
        return new OpenStore(new JdbcEventStore(db, Clock.systemUTC(), false), db);
    }

    /** Indexes the whole blocks up to {@code position}; returns the checkpoint reached. */
    public static long indexUpTo(OpenStore store, long position) throws SQLException {
        try (Connection c = store.database().connection()) {
            return FilterIndexer.indexUpTo(c, store.database().dialect(), position, () -> false, new ReentrantLock(),
                    () -> { });
        }
    }
}
