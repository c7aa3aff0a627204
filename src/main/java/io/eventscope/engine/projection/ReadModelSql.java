package io.eventscope.engine.projection;

import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * What the read side does differently on each database: the names of generation schemas, the
 * console's read-only login, how a connection finds the read models' tables, and which errors
 * mean what. Everything else the read side runs is standard SQL.
 */
abstract class ReadModelSql {
    /** Each generation's Flyway history table, inside the generation's schema. */
    static final String HISTORY_TABLE = "read_model_history";

    /** The store's own schema, as the database names it (PUBLIC on H2, public or the URL's currentSchema on PostgreSQL). */
    private final String storeSchema;

    ReadModelSql(String storeSchema) {
        this.storeSchema = storeSchema;
    }

    /** The read side's SQL for the database the store is in. */
    static ReadModelSql of(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            return db.isH2() ? new H2ReadModelSql(c.getSchema()) : new PostgresReadModelSql(c.getSchema(), c.getCatalog());
        }
    }

    /** A user name and password that may only read, and the URL to log in with them. */
    record Login(String url, String user, String password) {
    }

    String storeSchema() {
        return storeSchema;
    }

    /** {@code public.projection_checkpoints} and the like: a table of the store, whatever the connection's schema. */
    String storeTable(String table) {
        return storeSchema + "." + table;
    }

    /**
     * Every generation's schema of a projection starts with this, in the case the database
     * keeps unquoted names, so it reads the same quoted or not. A store outside the database's
     * default schema prefixes its own name, so two stores in one database never meet.
     */
    String schemaPrefix(String projection) {
        String prefix = "RM_" + projection + "_";
        return inDatabaseCase(storeSchema.equalsIgnoreCase("public") ? prefix : storeSchema + "_" + prefix);
    }

    Generation generation(String projection, int number) {
        return new Generation(projection, number, schemaPrefix(projection) + number);
    }

    abstract String inDatabaseCase(String name);

    void dropSchema(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Makes (or re-keys) the console's user and lets it read the store's own tables; its login. */
    abstract Login openReader(Connection c, String storeUrl) throws SQLException;

    /** Lets the console's user read every table of a generation's schema, once it is migrated. */
    abstract void grantRead(Connection c, String schema) throws SQLException;

    /**
     * The default schemas a console query is tried with, in order, until one finds its tables.
     * Each try runs on a connection set up by {@link #useSchemas}.
     */
    abstract List<String> consoleDefaults(List<String> schemas);

    /** Lets unqualified names find the read models' tables (the live generations), then the store's. */
    abstract void useSchemas(Connection c, List<String> schemas, String defaultSchema) throws SQLException;

    /** The database refusing a write (or a grant, or any change) for lack of rights. */
    abstract boolean isRefusedWrite(SQLException e);

    abstract boolean isNotFound(SQLException e);

    abstract boolean isCancelled(SQLException e);

    static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
