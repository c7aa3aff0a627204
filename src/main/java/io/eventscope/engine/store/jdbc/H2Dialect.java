package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2, embedded: one process owns the file, so the store's own writer lock orders appends and
 * what it learnt about the head and the streams stays true between transactions.
 */
final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();
    private static final int MAX_CONNECTIONS = 16;

    private H2Dialect() {
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String migrations() {
        return "classpath:db/migration";
    }

    @Override
    public Pool openPool(String jdbcUrl) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(Database.withH2FileSettings(jdbcUrl));
        ds.setUser("sa");
        ds.setPassword("");
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new Pool(pool, pool::dispose);
    }

    @Override
    public String describe(String jdbcUrl) {
        return Database.describeH2(jdbcUrl);
    }

    @Override
    public EventStoreException openFailure(String jdbcUrl, Exception e) {
        return Database.h2OpenFailure(jdbcUrl, e);
    }

    @Override
    public Object timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant timestamp(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }


    @Override
    public boolean sortsTextByCharacter() {
        return true;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** Never called: the store's writer lock orders appends, and subscribers live in this process. */
    @Override
    public long lockAndReadHead(Connection c, Collection<String> streams, Map<String, Long> versions) {
        throw new IllegalStateException("An H2 database has one owner process: its appends need no shared lock");
    }

    /** An embedded database has no connection to lose. */
    @Override
    public boolean isConnectionLost(SQLException e) {
        return false;
    }

    @Override
    public AppendListener listenForAppends(Database db, Runnable appended) {
        return null;
    }
}
