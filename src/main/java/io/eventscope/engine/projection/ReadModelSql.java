package io.eventscope.engine.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The few statements of the read side that are not standard SQL, in one place for other
 * databases' dialects. These are H2's.
 */
final class ReadModelSql {
    /** The database user the SQL console connects as: it may only read. */
    static final String READER = "EVENTSCOPE_READER";
    /** Each generation's Flyway history table, inside the generation's schema. */
    static final String HISTORY_TABLE = "read_model_history";

    private ReadModelSql() {
    }

    /** The reader joins the open database by its name alone: settings in the URL need admin rights. */
    static String readerUrl(String url) {
        int settings = url.indexOf(';');
        return settings < 0 ? url : url.substring(0, settings);
    }

    static void dropSchema(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Creates (or re-keys) the reader with a fresh password and lets it read the store's own tables. */
    static void createReader(Connection c, String password) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + READER + " PASSWORD '" + password + "'");
            s.execute("ALTER USER " + READER + " SET PASSWORD '" + password + "'");
            s.execute("GRANT SELECT ON SCHEMA PUBLIC TO " + READER);
        }
    }

    static void grantRead(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("GRANT SELECT ON SCHEMA " + schema + " TO " + READER);
        }
    }

    /** Lets unqualified names in the console find the live read models' tables, then the store's. */
    static void searchPath(Connection c, List<String> schemas) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SCHEMA_SEARCH_PATH " + String.join(", ", schemas) + ", PUBLIC");
        }
    }

    /** H2's codes for "this user may not do that": the database refusing a write. */
    static boolean isRefusedWrite(SQLException e) {
        int code = e.getErrorCode();
        return code == org.h2.api.ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1
                || code == org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED
                || code == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY;
    }

    static boolean isNotFound(SQLException e) {
        return e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2
                || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1;
    }

    static boolean isCancelled(SQLException e) {
        return e.getErrorCode() == org.h2.api.ErrorCode.STATEMENT_WAS_CANCELED;
    }
}
