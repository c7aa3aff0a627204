package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;

/**
 * One open database: a connection pool plus the schema, created and migrated on open by the
 * versioned migrations of its dialect ({@code db/migration} for H2, {@code db/postgresql} for
 * PostgreSQL). The event store, the command journal, dead letters and read models all live here.
 *
 * <p>H2 is opened with a write delay of 0: every commit reaches the file before it returns,
 * so an acknowledged commit survives kill -9 of the process (H2's default delay of 500 ms
 * loses them). The event store batches concurrent appends into one commit to keep that cheap.
 */
public final class Database implements AutoCloseable {
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String CLASSPATH = "classpath:";

    private static final List<Dialect> DIALECTS = List.of(H2Dialect.INSTANCE, PostgresDialect.INSTANCE);

    /**
     * How long H2 keeps the space of dead chunks before reusing it; see {@link FileHousekeeping}
     * and docs/design.md for why 0 is safe against kill -9 and what it means on power loss.
     */
    private static final int RETENTION_MS = 0;
    /**
     * Settings an H2 file takes only in the URL that opens it. Pages are compressed (LZF): the
     * file holds about 2.5 times fewer bytes, the same as H2's SHUTDOWN COMPACT leaves. Closing
     * does no compaction of its own: with a time limit it moves chunks towards the end of the
     * file and can leave it larger than it was; {@link FileHousekeeping} keeps the file
     * bounded while it is open instead. A URL that names a setting keeps its own value.
     */
    private static final List<String> H2_FILE_SETTINGS = List.of("COMPRESS=TRUE", "MAX_COMPACT_TIME=0");

    private final String url;
    private final Pool pool;
    private final Dialect dialect;

    private Database(String url, Pool pool, Dialect dialect) {
        this.url = url;
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Opens (creating if needed) and migrates the database at a JDBC URL (H2 or PostgreSQL); a current schema is left as it is. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = dialectOf(jdbcUrl);
        Pool pool = null;
        try {
            pool = dialect.openPool(jdbcUrl);
            if (dialect == H2Dialect.INSTANCE) {
                try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                    s.execute("SET RETENTION_TIME " + RETENTION_MS);
                }
            }
            if (!SchemaHistory.isCurrent(pool.dataSource(), dialect.migrations().substring(CLASSPATH.length()))) {
                Flyway.configure()
                        .dataSource(pool.dataSource())
                        .locations(dialect.migrations())
                        .load()
                        .migrate();
            }
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close().run();
            }
            throw dialect.openFailure(jdbcUrl, e);
        }
        return new Database(jdbcUrl, pool, dialect);
    }

    private static Dialect dialectOf(String jdbcUrl) {
        return DIALECTS.stream().filter(d -> d.accepts(jdbcUrl)).findFirst().orElseThrow(() ->
                new EventStoreException("Cannot open " + PostgresDialect.withoutPassword(jdbcUrl) + ": a store is an H2"
                        + " database (jdbc:h2:...) or a PostgreSQL one (jdbc:postgresql://host:port/database)."));
    }

    /** The JDBC URL as it may be shown and kept (in recent stores, settings, logs): without a password. */
    public static String displayUrl(String jdbcUrl) {
        return PostgresDialect.withoutPassword(jdbcUrl);
    }

    /** A PostgreSQL JDBC URL without the user and password in it, to log in as another user; other URLs as given. */
    public static String withoutLogin(String jdbcUrl) {
        return PostgresDialect.withoutLogin(jdbcUrl);
    }

    /** Whether this is an embedded H2 database, rather than a PostgreSQL one other processes share. */
    public boolean isH2() {
        return dialect == H2Dialect.INSTANCE;
    }

    public Connection connection() throws SQLException {
        return pool.dataSource().getConnection();
    }

    public DataSource dataSource() {
        return pool.dataSource();
    }

    public String url() {
        return url;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A timestamp as this database's events table holds it, for plain JDBC (the benchmarks' baselines). */
    public Object timestamp(Instant instant) {
        return dialect.timestamp(instant);
    }

    /** Where the data lives, for messages: the file of an H2 file database, else the URL without a password. */
    public String describe() {
        return dialect.describe(url);
    }

    @Override
    public void close() {
        pool.close().run();
    }

    /** The URL an H2 file database is opened with: {@code jdbcUrl} plus the settings it does not name. */
    static String withH2FileSettings(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return jdbcUrl;
        }
        String named = jdbcUrl.toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        for (String setting : H2_FILE_SETTINGS) {
            if (!named.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                url.append(';').append(setting);
            }
        }
        return url.toString();
    }

    static String describeH2(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return jdbcUrl;
        }
        String path = jdbcUrl.substring(H2_FILE.length());
        int options = path.indexOf(';');
        return (options < 0 ? path : path.substring(0, options)) + ".mv.db";
    }

    /** Says which file and what to do for the failures a person can fix; the root cause otherwise. */
    static EventStoreException h2OpenFailure(String jdbcUrl, Exception e) {
        String where = describeH2(jdbcUrl);
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
