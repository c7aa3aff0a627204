package io.eventscope.engine.projection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * SQL typed by a person, run on a connection of a database user that has SELECT rights and
 * nothing else: the database itself refuses every write, however the text is written (no
 * parsing here). Unqualified names find the live read models' tables, then the store's; which
 * generation is live is asked at each query, so a rebuild's swap is followed.
 * One query runs at a time per instance; {@link #cancel()} stops it from another thread.
 */
public final class ReadOnlySql {
    private final ReadModelSql sql;
    private final ReadModelSql.Login login;
    private final Supplier<List<String>> liveSchemas;
    private final AtomicReference<Statement> running = new AtomicReference<>();

    ReadOnlySql(ReadModelSql sql, ReadModelSql.Login login, Supplier<List<String>> liveSchemas) {
        this.sql = sql;
        this.login = login;
        this.liveSchemas = liveSchemas;
    }

    /**
     * Runs the text and returns up to {@code maxRows} rows of its result.
     *
     * @throws ReadOnlyViolation when the text tries to change anything
     * @throws QueryCancelled when {@link #cancel()} stopped it
     * @throws ProjectionException for SQL the database cannot run, with its message
     */
    public QueryResult run(String sql, int maxRows) {
        if (sql == null || sql.isBlank()) {
            throw new ProjectionException("Type a query first, for example SELECT * FROM order_read_model");
        }
        List<String> schemas = liveSchemas.get();
        SQLException notFound = null;
        for (String schema : this.sql.consoleDefaults(schemas)) {
            try {
                return runIn(schemas, schema, sql, maxRows);
            } catch (SQLException e) {
                if (this.sql.isRefusedWrite(e)) {
                    throw new ReadOnlyViolation("The SQL console is read-only: it can run queries but cannot change,"
                            + " create or drop anything, and nothing was changed (the database said: "
                            + firstLine(e.getMessage()) + ")", e);
                }
                if (this.sql.isCancelled(e)) {
                    throw new QueryCancelled();
                }
                if (!this.sql.isNotFound(e)) {
                    throw failed(e);
                }
                notFound = notFound == null ? e : notFound;
            }
        }
        throw failed(notFound);
    }

    private QueryResult runIn(List<String> schemas, String schema, String sql, int maxRows) throws SQLException {
        try (Connection c = DriverManager.getConnection(login.url(), login.user(), login.password())) {
            this.sql.useSchemas(c, schemas, schema);
            try (Statement s = c.createStatement()) {
                running.set(s);
                s.setMaxRows(maxRows + 1);
                if (!s.execute(sql)) {
                    return new QueryResult(List.of("result"), List.of(List.of("The statement ran and returned no rows.")),
                            false);
                }
                try (ResultSet rs = s.getResultSet()) {
                    return read(rs, maxRows);
                }
            } finally {
                running.set(null);
            }
        }
    }

    private static ProjectionException failed(SQLException e) {
        return new ProjectionException("The query failed: " + firstLine(e.getMessage()), e);
    }

    /** Stops the running query, if any; it then fails with {@link QueryCancelled}. */
    public void cancel() {
        Statement s = running.get();
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // it finished meanwhile
            }
        }
    }

    private static QueryResult read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** A query stopped by {@link #cancel()}. */
    public static final class QueryCancelled extends RuntimeException {
        QueryCancelled() {
            super("The query was cancelled.");
        }
    }
}
