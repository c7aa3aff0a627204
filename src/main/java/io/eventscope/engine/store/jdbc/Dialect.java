package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the JDBC store does differently on each database it runs on: everything else is the
 * shared SQL of {@link EventsSql}, the journal and the dead letters.
 */
interface Dialect {
    /** Whether this dialect opens the database at this JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Where its versioned migrations are, for Flyway. */
    String migrations();

    /** Opens the pool of connections to the database at a JDBC URL. */
    Pool openPool(String jdbcUrl);

    /** Where the data lives, for messages and lists: never with a password. */
    String describe(String jdbcUrl);

    /** Says where and what to do for a failure to open a person can fix; the root cause otherwise. */
    EventStoreException openFailure(String jdbcUrl, Exception e);

    /** A timestamp as the ts column holds it, to bind as a parameter. */
    Object timestamp(Instant instant);

    Instant timestamp(ResultSet rs, int column) throws SQLException;


    /**
     * Whether other processes may append to the same database. Then nothing an append
     * transaction learnt (head position, stream versions) is trusted by the next one.
     */
    boolean shared();

    /**
     * Whether text columns sort character by character, as {@link String#compareTo} does, so the
     * ids starting with a prefix are one range of an index and everything else lies outside it
     * (a locale's collation may sort punctuation otherwise).
     */
    boolean sortsTextByCharacter();

    /**
     * Starts an append transaction on a shared database, in one round trip: waits for the lock
     * that orders the appends of all processes, announces the appends to listening processes
     * (delivered only if the transaction commits) and reads, as committed when the lock was
     * granted, the head position and into {@code versions} the version of each of
     * {@code streams} (0 for a new one). Called only when {@link #shared()}.
     */
    long lockAndReadHead(Connection c, Collection<String> streams, Map<String, Long> versions) throws SQLException;

    /** Whether a failure means the connection is gone (server closed it, network lost): a new one may succeed. */
    boolean isConnectionLost(SQLException e);

    /** Calls {@code appended} whenever another process's appends commit, until closed; null when none can. */
    AppendListener listenForAppends(Database db, Runnable appended);
}
