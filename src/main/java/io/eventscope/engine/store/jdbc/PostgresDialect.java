package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * PostgreSQL, shared by several processes. Every append transaction first takes one
 * transaction-level advisory lock, so appends of all processes are serialised: each reads
 * the head under the lock, numbers its events from there and commits before the next may
 * start. PostgreSQL makes a commit visible before it releases the transaction's locks, so
 * positions are contiguous and become visible in order, as on H2. Appends are announced with
 * NOTIFY inside the transaction, which PostgreSQL delivers only once it has committed.
 */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** Any number of our own: advisory locks are per database, so stores never contend across databases. */
    private static final long APPEND_LOCK = 0x45_56_45_4E_54_53L; // "EVENTS"
    static final String APPENDS_CHANNEL = "eventscope_appends";
    private static final String PREFIX = "jdbc:postgresql:";
    private static final long NANOS = 1_000_000_000L;

    private PostgresDialect() {
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith(PREFIX);
    }

    @Override
    public String migrations() {
        return "classpath:db/postgresql";
    }

    @Override
    public ConnectionPoolDataSource dataSource(String jdbcUrl) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(jdbcUrl);
        // Strings are sent untyped, so the server casts them to the json columns (and to
        // whatever else a column is) as it would a literal: the shared SQL binds JSON as text.
        ds.setStringType("unspecified");
        // A batch of inserts becomes multi-row INSERTs: one round trip per batch.
        ds.setReWriteBatchedInserts(true);
        ds.setConnectTimeout(5);
        ds.setApplicationName("eventscope");
        return ds;
    }

    @Override
    public String describe(String jdbcUrl) {
        Server s = Server.of(jdbcUrl);
        return "postgresql://" + s.address() + "/" + s.database;
    }

    /** The cause kept is the driver's own exception, not Flyway's wrapping of it: a person reads the chain. */
    @Override
    public EventStoreException openFailure(String jdbcUrl, Exception failure) {
        Server s = Server.of(jdbcUrl);
        Exception e = driverException(failure);
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (state.startsWith("08")) {
            return new EventStoreException("Cannot reach the PostgreSQL server at " + s.address() + " ("
                    + Database.rootMessage(e) + "). Start the server, or check the host and port of the store.", e);
        }
        if (state.startsWith("28")) {
            return new EventStoreException("The PostgreSQL server at " + s.address() + " refused the login of user '"
                    + s.user + "' (" + Database.rootMessage(e) + "). Check the user name and password.", e);
        }
        if (state.equals("3D000")) {
            return new EventStoreException("The PostgreSQL server at " + s.address() + " has no database '" + s.database
                    + "'. Create it (createdb -h " + s.host + " -p " + s.port + " -U " + s.user + " " + s.database
                    + "), or name an existing database.", e);
        }
        return new EventStoreException("Could not open or migrate the store " + describe(jdbcUrl) + ": "
                + Database.rootMessage(e), e);
    }

    /** The JDBC URL without its password, for lists and settings; the rest as given. */
    static String withoutPassword(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            if (!parameter.toLowerCase(java.util.Locale.ROOT).startsWith("password=") && !parameter.isEmpty()) {
                kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
            }
        }
        return jdbcUrl.substring(0, query) + kept;
    }

    /** Nanoseconds since the epoch: timestamptz keeps only microseconds, and imported timestamps must round-trip. */
    @Override
    public Object timestamp(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
        } catch (ArithmeticException e) {
            throw new EventStoreException("The timestamp " + instant + " is outside what a PostgreSQL store holds"
                    + " (the years 1678 to 2261)", e);
        }
    }

    @Override
    public Instant timestamp(ResultSet rs, int column) throws SQLException {
        long nanos = rs.getLong(column);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }


    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void lockAppends(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
        }
    }

    @Override
    public void announceAppends(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("NOTIFY " + APPENDS_CHANNEL);
        }
    }

    @Override
    public AppendListener listenForAppends(Database db, Runnable appended) {
        return AppendListener.start(db, APPENDS_CHANNEL, appended);
    }

    private static Exception driverException(Exception failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return failure;
    }

    /** The server, database and user a URL names, as the driver reads it (defaults included). */
    private record Server(String host, String port, String database, String user) {
        static Server of(String jdbcUrl) {
            Properties p = Driver.parseURL(jdbcUrl, null);
            if (p == null) {
                throw new EventStoreException("Not a PostgreSQL JDBC URL: " + withoutPassword(jdbcUrl)
                        + ". Write it as jdbc:postgresql://host:port/database?user=name");
            }
            String user = p.getProperty("user", System.getProperty("user.name"));
            return new Server(p.getProperty("PGHOST"), p.getProperty("PGPORT"), p.getProperty("PGDBNAME"), user);
        }

        String address() {
            return host + ":" + port;
        }
    }
}
