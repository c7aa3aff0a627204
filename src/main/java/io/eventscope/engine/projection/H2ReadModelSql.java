package io.eventscope.engine.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.api.ErrorCode;

/** The read side on H2: one process owns the file, so its console user gets a new password at each open. */
final class H2ReadModelSql extends ReadModelSql {
    private static final String READER = "EVENTSCOPE_READER";

    H2ReadModelSql(String storeSchema) {
        super(storeSchema);
    }

    @Override
    String inDatabaseCase(String name) {
        return upper(name);
    }

    /** The reader joins the open database by its name alone: settings in the URL need admin rights. */
    @Override
    Login openReader(Connection c, String storeUrl) throws SQLException {
        String password = UUID.randomUUID().toString();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD '" + password + "'");
            s.execute("ALTER USER " + READER + " SET PASSWORD '" + password + "'");
            s.execute("GRANT SELECT ON SCHEMA " + storeSchema() + " TO " + READER);
        }
        int settings = storeUrl.indexOf(';');
        return new Login(settings < 0 ? storeUrl : storeUrl.substring(0, settings), READER, password);
    }

    /** A grant on the schema: it covers the tables made there later too. */
    @Override
    void grantRead(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD '" + UUID.randomUUID() + "'");
            s.execute("GRANT SELECT ON SCHEMA " + schema + " TO " + READER);
        }
    }

    /**
     * DDL looks for tables in the default schema only, not the search path: so that "DROP TABLE
     * order_read_model" meets the refusal rather than "not found", a name the database did not
     * find is tried with each read model's schema as the default one. Re-running is harmless:
     * nothing this user runs can write.
     */
    @Override
    List<String> consoleDefaults(List<String> schemas) {
        List<String> out = new ArrayList<>();
        out.add(storeSchema());
        out.addAll(schemas);
        return out;
    }

    @Override
    void useSchemas(Connection c, List<String> schemas, String defaultSchema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA_SEARCH_PATH " + String.join(", ", schemas) + ", " + storeSchema());
        }
        c.setSchema(defaultSchema);
    }

    @Override
    boolean isRefusedWrite(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1 || code == ErrorCode.ADMIN_RIGHTS_REQUIRED
                || code == ErrorCode.DATABASE_IS_READ_ONLY;
    }

    @Override
    boolean isNotFound(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1 || code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                || code == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1;
    }

    @Override
    boolean isCancelled(SQLException e) {
        return e.getErrorCode() == ErrorCode.STATEMENT_WAS_CANCELED;
    }
}
