package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench on a PostgreSQL server: the same figures with a raw JDBC baseline there, and nothing left behind. */
class PostgresBenchTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Test
    void measuresTheStoreOnTheServerAgainstRawJdbcThereAndDropsItsDatabases(@TempDir Path dir) throws Exception {
        TestPostgres.requireServer();
        long before = benchDatabases();

        CliRun run = CliRun.of("bench", "--store", SERVER, "--events", "1000", "--dir", dir.toString(),
                "--only", "replay,lookups");

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> figures = run.json();
        assertThat(figures).extracting(f -> f.get("name").asText()).containsExactly("append-batch100",
                "replay", "lookup-correlation", "lookup-causation");
        for (JsonNode f : figures.subList(0, 2)) {
            assertThat(f.get("baseline").asDouble()).isPositive();
            assertThat(f.get("ratio").asDouble()).isCloseTo(f.get("value").asDouble() / f.get("baseline").asDouble(),
                    within(0.01));
        }
        assertThat(benchDatabases()).isEqualTo(before);
    }

    @Test
    void aStoreThatIsNotAPostgresServerIsBadUsage(@TempDir Path dir) {
        CliRun run = CliRun.of("bench", "--store", dir.resolve("shop").toString(), "--events", "100");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("bench: bench --store takes a PostgreSQL server as jdbc:postgresql://");
    }

    private static long benchDatabases() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_database WHERE datname LIKE 'eventscope\\_bench\\_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
