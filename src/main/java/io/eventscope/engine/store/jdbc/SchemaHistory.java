package io.eventscope.engine.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * Whether a database's Flyway schema history already holds exactly the migrations on the
 * classpath: the same scripts with the same checksums, every one successful. Starting Flyway
 * costs more than the rest of a short command, so a current schema is opened without it; any
 * other state (a new database, an older or newer schema, a failed or edited migration, a
 * history this check cannot read) is left to Flyway, which migrates, warns or refuses as before.
 */
public final class SchemaHistory {
    private static final Pattern VERSIONED = Pattern.compile("V[0-9][0-9_.]*__.+\\.sql");
    /** Flyway's history table when it is not given another name. */
    private static final String DEFAULT_TABLE = "flyway_schema_history";

    private SchemaHistory() {
    }

    /** @param location a classpath folder of migrations, as Flyway's {@code classpath:} location names it */
    static boolean isCurrent(DataSource db, String location) {
        return isCurrent(db, location, null, DEFAULT_TABLE);
    }

    /**
     * The same for a history table of another name or schema.
     *
     * @param schema the table's schema as Flyway created it, or null for the connection's own
     */
    public static boolean isCurrent(DataSource db, String location, String schema, String table) {
        Set<Migration> local = migrations(location);
        if (local.isEmpty()) {
            return false;
        }
        Set<Migration> applied = new HashSet<>();
        try (Connection c = db.getConnection()) {
            // Asked first, not left to the SELECT to fail: H2 writes every failed statement to a trace
            // file beside the store, which a new store or each rebuild's new schema would then leave.
            if (!exists(c, schema, table)) {
                return false;
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT \"script\", \"checksum\", \"type\", \"success\" FROM "
                         + (schema == null ? "" : "\"" + schema + "\".") + "\"" + table + "\"")) {
                while (rs.next()) {
                    if ("TABLE".equals(rs.getString(3)) || "SCHEMA".equals(rs.getString(3))) {
                        continue; // the rows Flyway writes when it creates the history table, or the schema
                    }
                    if (!"SQL".equals(rs.getString(3)) || !rs.getBoolean(4)) {
                        return false;
                    }
                    applied.add(new Migration(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            return false; // a history of another shape: Flyway knows what to do
        }
        return applied.equals(local);
    }

    private static boolean exists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, schema == null ? c.getSchema() : schema, table, null)) {
            return rs.next();
        }
    }

    /** The versioned migration scripts in {@code location} with Flyway's checksums; empty when there are other kinds. */
    private static Set<Migration> migrations(String location) {
        Set<Migration> found = new HashSet<>();
        try {
            for (String name : scriptNames(location)) {
                if (!VERSIONED.matcher(name).matches()) {
                    return Set.of();
                }
                found.add(new Migration(name, ChecksumCalculator.calculate(new ClasspathScript(location + "/" + name))));
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Set.of();
        }
        return found;
    }

    /** The files directly in a classpath folder, from a directory (tests, an IDE) or the jar. */
    private static Set<String> scriptNames(String location) throws IOException, URISyntaxException {
        Set<String> names = new HashSet<>();
        URL folder = SchemaHistory.class.getClassLoader().getResource(location);
        if (folder == null) {
            return names;
        }
        if (folder.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if (folder.openConnection() instanceof JarURLConnection jar) {
            String prefix = location + "/";
            jar.getJarFile().stream()
                    .map(entry -> entry.getName())
                    .filter(entry -> entry.startsWith(prefix) && entry.length() > prefix.length()
                            && entry.indexOf('/', prefix.length()) < 0)
                    .forEach(entry -> names.add(entry.substring(prefix.length())));
        }
        return names;
    }

    private record Migration(String script, int checksum) {
    }

    /** A migration script as Flyway's checksum reads it: UTF-8 text from the classpath. */
    private static final class ClasspathScript extends LoadableResource {
        private final String path;

        ClasspathScript(String path) {
            this.path = path;
        }

        @Override
        public Reader read() {
            InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new UncheckedIOException(new IOException("no " + path + " on the classpath"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return path;
        }
    }
}
