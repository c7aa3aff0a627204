package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.ConnectionPoolDataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2, embedded: one process owns the file, so the store's own writer lock orders appends and
 * what it learnt about the head and the streams stays true between transactions.
 */
final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();

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
    public ConnectionPoolDataSource dataSource(String jdbcUrl) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
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
    public boolean shared() {
        return false;
    }

    @Override
    public void lockAppends(Connection c) {
        // The store's writer lock is enough: no other process opens the file.
    }

    @Override
    public void announceAppends(Connection c) {
        // Subscribers live in this process and are signalled by the store.
    }

    @Override
    public AppendListener listenForAppends(Database db, Runnable appended) {
        return null;
    }
}
