package io.eventscope.engine.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The console is read-only because the database says so: every kind of write is refused and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlySqlTest {
    private OpenStore opened;
    private ReadModels models;
    private ReadOnlySql console;

    @BeforeAll
    void open(@TempDir Path dir) {
        opened = Stores.open(dir.resolve("store").toString());
        models = ReadModels.open(opened.database(), opened.store(), List.of(new Tally()), false);
        opened.store().append("s-1", ExpectedVersion.ANY, List.of(
                NewEvent.of("A", Json.object().put("i", 1), null), NewEvent.of("B", Json.object().put("i", 2), null)));
        models.catchUp();
        console = models.console();
    }

    @AfterAll
    void close() {
        models.close();
        opened.close();
    }

    @Test
    void a_query_finds_read_model_tables_and_the_store_tables_by_their_plain_names() {
        QueryResult tally = console.run("SELECT event_type, n FROM tally ORDER BY event_type", 100);
        assertThat(tally.columns()).containsExactly("event_type", "n");
        assertThat(tally.rows()).containsExactly(List.of("A", "1"), List.of("B", "1"));
        assertThat(console.run("SELECT COUNT(*) AS events FROM events", 100).rows()).containsExactly(List.of("2"));
    }

    @Test
    void rows_past_the_limit_are_cut_and_said_so() {
        QueryResult result = console.run("SELECT X FROM SYSTEM_RANGE(1, 50)", 10);
        assertThat(result.rows()).hasSize(10);
        assertThat(result.truncated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO tally (event_type, n, last_pos) VALUES ('C', 1, 3)",
        "UPDATE tally SET n = 42",
        "DELETE FROM tally",
        "DELETE FROM events",
        "MERGE INTO tally KEY (event_type) VALUES ('A', 7, 1)",
        "TRUNCATE TABLE tally",
        "DROP TABLE tally",
        "DROP TABLE events",
        "ALTER TABLE tally ADD COLUMN x INT",
        "CREATE TABLE mine (id INT)",
        "CREATE TABLE public.mine (id INT)",
        "SELECT 1; DELETE FROM tally",
        "SELECT * FROM tally; DROP TABLE events",
        "CALL CSVWRITE('/tmp/eventscope-leak.csv', 'SELECT * FROM events')",
        "GRANT ALL ON SCHEMA PUBLIC TO EVENTSCOPE_READER",
        "CREATE USER intruder PASSWORD 'x' ADMIN"})
    void every_kind_of_write_is_refused_as_read_only_and_leaves_the_data_unchanged(String sql) {
        assertThatThrownBy(() -> console.run(sql, 100))
                .isInstanceOf(ReadOnlyViolation.class)
                .hasMessageStartingWith("The SQL console is read-only");
        assertThat(console.run("SELECT event_type, n FROM tally ORDER BY event_type", 100).rows())
                .containsExactly(List.of("A", "1"), List.of("B", "1"));
        assertThat(opened.store().count(EventFilter.ALL)).isEqualTo(2);
        assertThat(models.tables("tally")).containsExactly("tally");
    }

    @Test
    void bad_sql_gets_the_database_message() {
        assertThatThrownBy(() -> console.run("SELEC 1", 10)).isInstanceOf(ProjectionException.class)
                .hasMessageStartingWith("The query failed: Syntax error");
        assertThatThrownBy(() -> console.run("SELECT * FROM nowhere", 10)).hasMessageContaining("NOWHERE");
    }

    @Test
    void a_long_query_can_be_cancelled_from_another_thread() throws Exception {
        ReadOnlySql own = models.console();
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return own.run("SELECT SUM(A.X * B.X) FROM SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B", 10);
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(500);
        assertThat(running).isNotDone();
        own.cancel();
        assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(ReadOnlySql.QueryCancelled.class);
    }
}
