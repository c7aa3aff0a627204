package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.store.EventStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening skips Flyway only for a schema that is exactly current; everything else still goes through Flyway. */
class SchemaHistoryTest {
    private static final String HISTORY = "\"flyway_schema_history\"";

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void createStore() {
        url = "jdbc:h2:file:" + dir.resolve("shop");
        Database.open(url).close();
    }

    @Test
    void aSchemaWithEveryMigrationAppliedIsCurrent() {
        try (Database db = Database.open(url)) {
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/migration")).isTrue();
        }
    }

    @Test
    void aNewDatabaseIsNotCurrent() {
        try (Database db = Database.open("jdbc:h2:mem:new-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            execute(db, "DROP TABLE " + HISTORY);
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/migration")).isFalse();
        }
    }

    @Test
    void anOlderSchemaIsMigratedOnOpen() throws SQLException {
        try (Database db = Database.open(url)) {
            // Undoes what the newest migration, V18, did.
            execute(db, "ALTER TABLE command_journal ALTER COLUMN seq SET CACHE 32");
            execute(db, "DELETE FROM " + HISTORY + " WHERE \"version\" = '18'");
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/migration")).isFalse();
        }
        try (Database db = Database.open(url)) {
            assertThat(count(db, "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'COMMAND_JOURNAL' AND COLUMN_NAME = 'SEQ'")).isEqualTo(10_000);
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/migration")).isTrue();
        }
    }

    @Test
    void aSchemaFromANewerReleaseIsNotCurrent() {
        try (Database db = Database.open(url)) {
            execute(db, "INSERT INTO " + HISTORY + " (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 1, 'sa', 0, TRUE)");
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/migration")).isFalse();
        }
    }

    @Test
    void aFailedMigrationIsRefusedAsFlywayRefusesIt() {
        try (Database db = Database.open(url)) {
            execute(db, "UPDATE " + HISTORY + " SET \"success\" = FALSE WHERE \"version\" = '4'");
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(dir.resolve("shop.mv.db").toString())
                .hasMessageContaining("failed migration to version 4");
    }

    @Test
    void aMigrationEditedAfterItWasAppliedIsRefusedAsFlywayRefusesIt() {
        try (Database db = Database.open(url)) {
            execute(db, "UPDATE " + HISTORY + " SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("checksum mismatch for migration version 1");
    }

    @Test
    void aReadModelSchemaFlywayCreatedIsCurrentUntilAMigrationIsMissing() {
        String history = "\"RM_ORDERS_7\".\"read_model_history\"";
        try (Database db = Database.open(url)) {
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/readmodel/orders", "RM_ORDERS_7", "read_model_history")).isFalse();
            // as ReadModels makes a generation: Flyway creates the schema and records that it did
            Flyway.configure().dataSource(db.dataSource()).schemas("RM_ORDERS_7").createSchemas(true)
                    .table("read_model_history").locations("classpath:db/readmodel/orders").load().migrate();
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/readmodel/orders", "RM_ORDERS_7", "read_model_history")).isTrue();

            execute(db, "DELETE FROM " + history + " WHERE \"version\" = '1'");
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/readmodel/orders", "RM_ORDERS_7", "read_model_history")).isFalse();
        }
    }

    @Test
    void askingANewStoreOrSchemaLeavesNoTraceFileBesideTheStore() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("fresh"))) {
            assertThat(SchemaHistory.isCurrent(db.dataSource(), "db/readmodel/orders", "RM_ORDERS_1",
                    "read_model_history")).isFalse();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    private static void execute(Database db, String sql) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
