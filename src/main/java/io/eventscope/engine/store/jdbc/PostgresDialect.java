package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL, shared by several processes. Every append transaction first locks the table
 * append_lock in EXCLUSIVE mode, so appends of all processes are serialised: each reads
 * the head under the lock, numbers its events from there and commits before the next may
 * start. PostgreSQL makes a commit visible before it releases the transaction's locks, so
 * positions are contiguous and become visible in order, as on H2. Appends are announced with
 * NOTIFY inside the transaction, which PostgreSQL delivers only once it has committed.
 */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    static final String APPENDS_CHANNEL = "eventscope_appends";
    private static final String PREFIX = "jdbc:postgresql:";
    private static final long NANOS = 1_000_000_000L;
    private static final int MAX_CONNECTIONS = 16;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    // rs.getLong of the version is 0 for a new stream (NULL). The lock is one the SQL console's
    // SELECT-only role cannot take (V15_1), unlike an advisory lock: no typed query stops the appends.
    private static final String LOCK_AND_READ_HEAD = "LOCK TABLE append_lock IN EXCLUSIVE MODE;"
            + " NOTIFY " + APPENDS_CHANNEL + ";"
            + " SELECT NULL, COALESCE(MAX(position), 0) FROM events"
            + " UNION ALL SELECT s.id, (SELECT version FROM events WHERE stream_id = s.id"
            + " ORDER BY stream_id DESC, version DESC LIMIT 1) FROM unnest(?::varchar[]) AS s(id)";

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

    /** A pool that drops the connections the server closed, so the store recovers from a restart or a terminated backend. */
    @Override
    public Pool openPool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource(jdbcUrl));
        config.setPoolName("eventscope " + describe(jdbcUrl)); // in its log lines: no password
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        HikariDataSource pool = new HikariDataSource(config);
        return new Pool(pool, pool::close);
    }

    private static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        // Strings are sent untyped, so the server casts them to the json columns (and to
        // whatever else a column is) as it would a literal: the shared SQL binds JSON as text.
        ds.setStringType("unspecified");
        // A batch of inserts becomes multi-row INSERTs: one round trip per batch.
        ds.setReWriteBatchedInserts(true);
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
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
        return withoutParameters(jdbcUrl, "password");
    }

    /** The JDBC URL without the user and password to log in with: for logging in as someone else. */
    static String withoutLogin(String jdbcUrl) {
        return withoutParameters(jdbcUrl, "user", "password");
    }

    private static String withoutParameters(String jdbcUrl, String... names) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        StringBuilder kept = new StringBuilder();
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            String name = parameter.substring(0, Math.max(0, parameter.indexOf('='))).toLowerCase(java.util.Locale.ROOT);
            if (!parameter.isEmpty() && !java.util.Arrays.asList(names).contains(name)) {
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
    public boolean sortsTextByCharacter() {
        return false;
    }

    @Override
    public boolean shared() {
        return true;
    }

    /**
     * Three statements sent together. The head and versions are read by the last one, which
     * PostgreSQL starts (and takes its snapshot for) only once the first has the lock, so it
     * sees every append committed before. A transaction that ends up writing nothing (every
     * append refused) still notifies: listeners then read and find nothing new.
     */
    @Override
    public long lockAndReadHead(Connection c, Collection<String> streams, Map<String, Long> versions)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK_AND_READ_HEAD)) {
            s.setArray(1, c.createArrayOf("varchar", streams.toArray()));
            boolean resultSet = s.execute();
            long head = -1;
            // The outcomes of the lock and of NOTIFY come first: the third is the head and the versions.
            for (int result = 1; resultSet || s.getUpdateCount() != -1; result++) {
                if (resultSet && result == 3) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            String stream = rs.getString(1);
                            if (stream == null) {
                                head = rs.getLong(2);
                            } else {
                                versions.put(stream, rs.getLong(2));
                            }
                        }
                    }
                }
                resultSet = s.getMoreResults();
            }
            if (head < 0) {
                throw new SQLException("reading the head of the event log returned nothing");
            }
            return head;
        }
    }

    /** Lost connection (08), or the server ended the session: shut down, crashed, terminated (57P01-57P03). */
    @Override
    public boolean isConnectionLost(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
        }
        return false;
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
