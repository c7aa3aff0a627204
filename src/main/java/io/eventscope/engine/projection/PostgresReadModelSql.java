package io.eventscope.engine.projection;

import io.eventscope.engine.store.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side on PostgreSQL. Roles belong to the whole server and several workbenches share
 * a store, so the console's role is one per store (database and schema), made once with a
 * random password that the store keeps in console_reader, out of the role's own reach. The
 * role may log in and SELECT the store's and the live read models' tables, nothing else; its
 * transactions are read-only by default as a second guard (which a session could turn off,
 * the grants it could not). Two things every role may do by default are taken away or made
 * harmless: the functions that create large objects (writes, read-only transactions or not)
 * are revoked from PUBLIC in the store's database, where Eventscope uses none; and the locks
 * that order appends and the making of this role are table locks this role cannot take, so
 * advisory locks it takes stop nobody.
 */
final class PostgresReadModelSql extends ReadModelSql {
    private static final String CONSOLE_READER = "console_reader";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String QUERY_CANCELED = "57014";
    private static final List<String> LARGE_OBJECT_CREATION = List.of("lo_create(oid)", "lo_creat(integer)",
            "lo_from_bytea(oid, bytea)");
    private static final Logger LOG = LoggerFactory.getLogger(PostgresReadModelSql.class);

    /** Said on the role, so whoever drops a store's database can find its role (roles outlive databases). */
    static final String ROLE_COMMENT = "Eventscope SQL console of store ";

    private final String store;
    private final String role;

    PostgresReadModelSql(String storeSchema, String database) {
        super(storeSchema);
        this.store = database + "/" + storeSchema;
        this.role = "eventscope_reader_" + digest(store);
    }

    @Override
    String inDatabaseCase(String name) {
        return lower(name);
    }

    @Override
    Login openReader(Connection c, String storeUrl) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // Serialises making the role between workbenches opening at once; the role has no right to this table.
            s.execute("LOCK TABLE " + storeTable(CONSOLE_READER) + " IN EXCLUSIVE MODE");
            String password = storedPassword(c);
            boolean exists = roleExists(c);
            if (password == null || !exists) {
                password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
                s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + quoted(role) + " WITH LOGIN NOSUPERUSER NOCREATEDB"
                        + " NOCREATEROLE NOINHERIT NOREPLICATION PASSWORD '" + password + "'");
                s.execute("COMMENT ON ROLE " + quoted(role) + " IS '" + (ROLE_COMMENT + store).replace("'", "''") + "'");
                s.executeUpdate("DELETE FROM " + storeTable(CONSOLE_READER));
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + storeTable(CONSOLE_READER)
                        + " (role_name, password) VALUES (?, ?)")) {
                    insert.setString(1, role);
                    insert.setString(2, password);
                    insert.executeUpdate();
                }
            }
            s.execute("ALTER ROLE " + quoted(role) + " SET default_transaction_read_only = on");
            grant(s, storeSchema());
            s.execute("REVOKE ALL ON " + storeTable(CONSOLE_READER) + " FROM " + quoted(role));
            revokeLargeObjectCreation(c, s);
            c.commit();
            return new Login(Database.withoutLogin(storeUrl), role, password);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Only the functions' owner (a superuser) can revoke them, and PostgreSQL only warns when
     * another user tries, so the effect is checked: where they stay callable, the log says so.
     */
    private void revokeLargeObjectCreation(Connection c, Statement s) throws SQLException {
        s.execute("REVOKE EXECUTE ON FUNCTION " + String.join(", ", LARGE_OBJECT_CREATION) + " FROM PUBLIC");
        try (PreparedStatement check = c.prepareStatement("SELECT has_function_privilege(?, ?, 'EXECUTE')")) {
            for (String function : LARGE_OBJECT_CREATION) {
                check.setString(1, role);
                check.setString(2, function);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        LOG.warn("The SQL console of store {} can create large objects with {}: only a superuser can"
                                + " revoke it from PUBLIC (REVOKE EXECUTE ON FUNCTION {} FROM PUBLIC)", store, function,
                                function);
                    }
                }
            }
        }
    }

    /** Only once some workbench has made the role: a generation made before gets its grant when the console opens. */
    @Override
    void grantRead(Connection c, String schema) throws SQLException {
        if (roleExists(c)) {
            try (Statement s = c.createStatement()) {
                grant(s, schema);
            }
        }
    }

    private void grant(Statement s, String schema) throws SQLException {
        s.execute("GRANT USAGE ON SCHEMA " + quoted(schema) + " TO " + quoted(role));
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + quoted(schema) + " TO " + quoted(role));
    }

    /** PostgreSQL's DDL follows the search path: one try is enough. */
    @Override
    List<String> consoleDefaults(List<String> schemas) {
        return List.of(storeSchema());
    }

    @Override
    void useSchemas(Connection c, List<String> schemas, String defaultSchema) throws SQLException {
        StringBuilder path = new StringBuilder();
        for (String schema : schemas) {
            path.append(quoted(schema)).append(", ");
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + path + quoted(storeSchema()));
        }
    }

    @Override
    boolean isRefusedWrite(SQLException e) {
        return INSUFFICIENT_PRIVILEGE.equals(e.getSQLState()) || READ_ONLY_TRANSACTION.equals(e.getSQLState());
    }

    @Override
    boolean isNotFound(SQLException e) {
        return UNDEFINED_TABLE.equals(e.getSQLState());
    }

    @Override
    boolean isCancelled(SQLException e) {
        return QUERY_CANCELED.equals(e.getSQLState());
    }

    private String storedPassword(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT password FROM " + storeTable(CONSOLE_READER)
                + " WHERE role_name = ?")) {
            s.setString(1, role);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean roleExists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            s.setString(1, role);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
