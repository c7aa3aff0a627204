package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * One open database: a connection pool plus the schema, created and migrated on open by the
 * versioned migrations under {@code db/migration}. The event store, the command journal, dead
 * letters and read models all live here.
 *
 * <p>H2 is opened with a write delay of 0: every commit reaches the file before it returns,
 * so an acknowledged commit survives kill -9 of the process (H2's default delay of 500 ms
 * loses them). The event store batches concurrent appends into one commit to keep that cheap.
 */
public final class Database implements AutoCloseable {
    private static final String H2_FILE = "jdbc:h2:file:";
    /**
     * How long H2 keeps the space of dead chunks before reusing it; see {@link FileHousekeeping}
     * and DESIGN.md for why 0 is safe here.
     */
    private static final int RETENTION_MS = 0;

    private final String url;
    private final JdbcConnectionPool pool;

    private Database(String url, JdbcConnectionPool pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Opens (creating if needed) and migrates the database at a JDBC URL. */
    public static Database open(String jdbcUrl) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        pool.setMaxConnections(16);
        try {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                    s.execute("SET RETENTION_TIME " + RETENTION_MS);
                }
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            throw openFailure(jdbcUrl, e);
        }
        return new Database(jdbcUrl, pool);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    /** Where the data lives, for messages: the file of an H2 file database, else the URL. */
    public String describe() {
        return describe(url);
    }

    @Override
    public void close() {
        pool.dispose();
    }

    private static String describe(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return jdbcUrl;
        }
        String path = jdbcUrl.substring(H2_FILE.length());
        int options = path.indexOf(';');
        return (options < 0 ? path : path.substring(0, options)) + ".mv.db";
    }

    /** Says which file and what to do for the failures a person can fix; the root cause otherwise. */
    private static EventStoreException openFailure(String jdbcUrl, Exception e) {
        String where = describe(jdbcUrl);
        switch (h2ErrorCode(e)) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return new EventStoreException("The store " + where + " is in use by another process. Close the"
                        + " other Eventscope (or whatever holds the file) and try again, or choose another --store.", e);
            case ErrorCode.FILE_CORRUPTED_1:
            case ErrorCode.FILE_VERSION_ERROR_1:
            case ErrorCode.IO_EXCEPTION_1:
                return new EventStoreException("The store " + where + " cannot be read: it is corrupted, not an"
                        + " Eventscope (H2) database, or not readable by you (" + rootMessage(e) + "). Restore it"
                        + " from a backup, or move it aside to start an empty store there.", e);
            default:
                return new EventStoreException("Could not open or migrate the store " + where + ": "
                        + rootMessage(e), e);
        }
    }

    private static int h2ErrorCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /** The message of the deepest cause that has one: usually the one that says what went wrong. */
    static String rootMessage(Throwable t) {
        String message = t.toString();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message;
    }
}
