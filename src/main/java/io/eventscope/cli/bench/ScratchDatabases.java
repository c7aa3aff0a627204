package io.eventscope.cli.bench;

import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.jdbc.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases a benchmark makes on a PostgreSQL server and drops when done, named with a random
 * suffix so runs never meet. The server is reached through the database its URL names.
 */
final class ScratchDatabases implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?");

    private final String serverUrl;
    private final Matcher parts;
    private final String prefix = "eventscope_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final List<String> made = new ArrayList<>();

    ScratchDatabases(String serverUrl) {
        this.serverUrl = serverUrl;
        this.parts = URL.matcher(serverUrl);
        if (!parts.matches()) {
            throw new EventStoreException("bench --store takes a PostgreSQL server as jdbc:postgresql://host:port/database"
                    + "?user=name, not " + Database.displayUrl(serverUrl));
        }
    }

    /** Makes an empty database and returns its JDBC URL (the server's URL with its name). */
    String create(String purpose) {
        String name = prefix + "_" + purpose;
        execute("CREATE DATABASE " + name);
        made.add(name);
        return parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
    }

    @Override
    public void close() {
        for (String name : made) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        made.clear();
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new EventStoreException("On the PostgreSQL server " + Database.displayUrl(serverUrl) + ": " + sql
                    + " failed: " + e.getMessage(), e);
        }
    }
}
