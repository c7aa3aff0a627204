package io.eventscope.engine.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A projection's access to its tables within one transaction. Statements are prepared
 * once per transaction, so a batch of thousands of events parses each SQL text once.
 */
public final class Rows implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Rows(Connection connection) {
        this.connection = connection;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE with positional parameters; returns the rows it changed. */
    public int update(String sql, Object... params) throws SQLException {
        return prepared(sql, params).executeUpdate();
    }

    /** Runs a SELECT with positional parameters and reads its first row, empty when there is none. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (ResultSet rs = prepared(sql, params).executeQuery()) {
            return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
        }
    }

    private PreparedStatement prepared(String sql, Object... params) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : statements.values()) {
            s.close();
        }
        statements.clear();
    }
}
