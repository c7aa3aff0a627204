package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.ConnectionPoolDataSource;

/**
 * What the JDBC store does differently on each database it runs on: everything else is the
 * shared SQL of {@link EventsSql}, the journal and the dead letters.
 */
interface Dialect {
    /** Whether this dialect opens the database at this JDBC URL. */
    boolean accepts(String jdbcUrl);

    /** Where its versioned migrations are, for Flyway. */
    String migrations();

    /** The connections to pool for a JDBC URL. */
    ConnectionPoolDataSource dataSource(String jdbcUrl);

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

    /** Runs first in every append transaction: other processes' appends wait until it ends. */
    void lockAppends(Connection c) throws SQLException;

    /** Runs last in an append transaction that wrote: tells listening processes when it commits. */
    void announceAppends(Connection c) throws SQLException;

    /** Calls {@code appended} whenever another process's appends commit, until closed; null when none can. */
    AppendListener listenForAppends(Database db, Runnable appended);
}
