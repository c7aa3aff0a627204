package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * One open database: a connection pool plus the schema, created and migrated on open by the
 * versioned migrations under {@code db/migration}. The event store, the command journal, dead
 * letters and read models all live here.
 */
public final class Database implements AutoCloseable {
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
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new EventStoreException("Could not open or migrate the database at " + jdbcUrl + ": "
                    + rootMessage(e), e);
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

    @Override
    public void close() {
        pool.dispose();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
