package io.eventscope.engine.store.jdbc;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the test PostgreSQL server (127.0.0.1:5432, user postgres, or
 * EVENTSCOPE_TEST_POSTGRES), dropped on close, so runs of several people never meet. With
 * no server answering, a test is skipped with a message saying so; when the environment
 * variable CI is set, the server is required and its absence fails the test.
 */
public final class TestPostgres implements AutoCloseable {
    private static final String SERVER = System.getenv().getOrDefault("EVENTSCOPE_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String ADMIN = SERVER + "postgres?user=postgres&connectTimeout=3";

    private final String name;
    private int schemas;

    private TestPostgres(String name) {
        this.name = name;
    }

    /** Creates the database, named after what it is for and a random suffix. */
    public static TestPostgres create(String purpose) {
        String name = "eventscope_" + purpose + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        try (Connection c = admin()) {
            execute(c, "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + ": " + e.getMessage(), e);
        }
        return new TestPostgres(name);
    }

    /** Returns when the server answers; else skips the test, or fails it in CI. */
    public static void requireServer() {
        try (Connection c = admin()) {
            c.isValid(3);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL server answered, then failed: " + e.getMessage(), e);
        }
    }

    /** The store's URL: the database, as user postgres. */
    public String url() {
        return SERVER + name + "?user=postgres";
    }

    /** The URL of a new, empty schema in the database: a fresh store without creating a database. */
    public String freshSchemaUrl() {
        String schema = "store_" + (++schemas);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + " in " + name + ": " + e.getMessage(), e);
        }
        return url() + "&currentSchema=" + schema;
    }

    /** Ends every session of the app on this database, as a server restart or an administrator would. */
    public int terminateSessions() {
        try (Connection c = admin(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = '" + name + "' AND application_name = 'eventscope'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end the sessions on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Lets the server accept new connections to this database, or refuse them. */
    public void allowConnections(boolean allow) {
        try (Connection c = admin()) {
            execute(c, "ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change connections to " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, then the SQL console roles of its stores: roles belong to the server, not the database. */
    @Override
    public void close() {
        try (Connection c = admin()) {
            List<String> roles = new ArrayList<>();
            try (java.sql.PreparedStatement s = c.prepareStatement("SELECT r.rolname FROM pg_roles r"
                    + " JOIN pg_shdescription d ON d.objoid = r.oid WHERE d.description LIKE ?")) {
                s.setString(1, "Eventscope SQL console of store " + name + "/%");
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        roles.add(rs.getString(1));
                    }
                }
            }
            execute(c, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            for (String role : roles) {
                execute(c, "DROP ROLE IF EXISTS \"" + role + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static Connection admin() throws SQLException {
        try {
            return DriverManager.getConnection(ADMIN);
        } catch (SQLException e) {
            String why = "no PostgreSQL server answers at " + SERVER + " (" + e.getMessage() + ")";
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI is set, so the PostgreSQL tests must run, but " + why, e);
            }
            Assumptions.abort("Skipped: " + why + ". Start it (.ci/run does) to run the PostgreSQL tests.");
            throw e;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
