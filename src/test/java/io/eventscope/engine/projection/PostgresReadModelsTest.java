package io.eventscope.engine.projection;

import static io.eventscope.engine.projection.ReadModelsTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read models in the PostgreSQL store itself, as two workbenches on one store see them: each
 * opens the store with its own pool, runs its own runner, and neither applies an event twice.
 */
class PostgresReadModelsTest {
    private static TestPostgres server;

    private String url;
    private OpenStore first;
    private ReadModels models;
    private final List<AutoCloseable> others = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("readmodels");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        url = server.freshSchemaUrl();
        first = Stores.open(url);
        models = ReadModels.open(first.database(), first.store(), List.of(new Tally()), true);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : others) {
            c.close();
        }
        models.close();
        first.close();
    }

    @Test
    void the_live_read_model_follows_appends_in_the_store_database_and_survives_a_restart() throws Exception {
        append(first, "s-1", "A", false, 3);
        await(() -> models.status("tally").checkpoint() == 3);
        assertThat(count(models, "A")).isEqualTo(3);
        String schema = schemaOfStore() + "_rm_tally_1";
        assertThat(schemas()).containsExactly(schema);
        try (Connection c = first.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM " + schema + ".tally")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
        models.close();
        models = ReadModels.open(first.database(), first.store(), List.of(new Tally()), true);
        append(first, "s-1", "A", false, 1);
        await(() -> count(models, "A") == 4);
        assertThat(models.status("tally").generation()).isEqualTo(1);
    }

    @Test
    void two_workbenches_on_one_store_apply_every_event_once() {
        ReadModels second = secondWorkbench();
        for (int i = 0; i < 20; i++) {
            append(first, "s-" + i, "A", false, 5);
        }
        await(() -> models.status("tally").checkpoint() == 100 && second.status("tally").checkpoint() == 100);
        assertThat(count(models, "A")).isEqualTo(100);
        assertThat(count(second, "A")).isEqualTo(100);
        assertThat(models.status("tally").state()).isEqualTo(ProjectionState.LIVE);
        assertThat(second.status("tally").state()).isEqualTo(ProjectionState.LIVE);
    }

    @Test
    void a_rebuild_in_one_workbench_is_followed_by_the_other() {
        ReadModels second = secondWorkbench();
        append(first, "s-1", "A", false, 50);
        await(() -> second.status("tally").checkpoint() == 50);
        RebuildReport report = models.rebuild("tally", ProgressMonitor.NONE);
        assertThat(report.generation()).isEqualTo(2);
        assertThat(schemas()).containsExactly(schemaOfStore() + "_rm_tally_2");
        assertThat(count(second, "A")).isEqualTo(50);
        assertThat(second.status("tally").generation()).isEqualTo(2);
        append(first, "s-1", "A", false, 1);
        await(() -> count(second, "A") == 51);
        assertThat(second.status("tally").state()).isEqualTo(ProjectionState.LIVE);
        assertThat(models.status("tally").state()).isEqualTo(ProjectionState.LIVE);
    }

    @Test
    void parking_as_of_and_the_shadow_check_work_on_postgresql() throws Exception {
        append(first, "s-1", "A", false, 3);
        append(first, "s-1", "P", true, 1);
        await(() -> models.status("tally").state() == ProjectionState.PARKED);
        assertThat(models.status("tally").parkedPosition()).isEqualTo(4);
        models.skip("tally");
        append(first, "s-1", "B", false, 2);
        await(() -> models.status("tally").checkpoint() == 6);
        try (ScratchReadModel asOf = models.asOf("tally", 2, EventFilter.ALL)) {
            long a = asOf.query(c -> countOf(c, "A"));
            assertThat(a).isEqualTo(2);
        }
        assertThat(models.check("tally", ProgressMonitor.NONE).equal()).isTrue();
        try (Connection c = first.database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + schemaOfStore() + "_rm_tally_1.tally SET n = 99 WHERE event_type = 'B'");
        }
        CheckReport tampered = models.check("tally", ProgressMonitor.NONE);
        assertThat(tampered.tables().get(0).liveSample()).containsExactly("event_type=B, n=99, last_pos=6");
    }

    @Test
    void the_console_reads_by_plain_names_and_a_second_workbench_does_not_lock_the_first_out() {
        append(first, "s-1", "A", false, 2);
        models.catchUp();
        ReadOnlySql console = models.console();
        assertThat(console.run("SELECT event_type, n FROM tally", 10).rows()).containsExactly(List.of("A", "2"));
        ReadModels second = secondWorkbench();
        ReadOnlySql secondConsole = second.console();
        assertThat(secondConsole.run("SELECT COUNT(*) FROM events", 10).rows()).containsExactly(List.of("2"));
        assertThat(console.run("SELECT data_jsonb->>'i' AS i FROM events ORDER BY position", 10).rows())
                .containsExactly(List.of("0"), List.of("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO tally (event_type, n, last_pos) VALUES ('C', 1, 3)",
        "UPDATE tally SET n = 42",
        "DELETE FROM events",
        "TRUNCATE tally",
        "DROP TABLE tally",
        "ALTER TABLE events ADD COLUMN x INT",
        "CREATE TABLE mine (id INT)",
        "CREATE TABLE public.mine (id INT)",
        "SELECT 1; DELETE FROM tally",
        "SET transaction_read_only = off; DELETE FROM tally",
        "SET transaction_read_only = off; UPDATE events SET event_type = 'X'",
        "SET transaction_read_only = off; INSERT INTO tally (event_type, n, last_pos) VALUES ('C', 1, 3)",
        "SET default_transaction_read_only = off; SET transaction_read_only = off; DROP TABLE events",
        "SET transaction_read_only = off; CREATE ROLE intruder LOGIN SUPERUSER",
        "SET transaction_read_only = off; COPY events TO '/tmp/eventscope-leak.csv'",
        "SELECT password FROM console_reader",
        "SELECT lo_create(0)",
        "SELECT lo_from_bytea(0, 'written')",
        "SET transaction_read_only = off; SELECT lo_creat(-1)",
        "BEGIN; LOCK TABLE append_lock IN EXCLUSIVE MODE; SELECT pg_sleep(30)",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid()"})
    void every_kind_of_write_is_refused_by_the_database(String sql) {
        append(first, "s-1", "A", false, 2);
        models.catchUp();
        assertThatThrownBy(() -> models.console().run(sql, 10))
                .isInstanceOf(ReadOnlyViolation.class)
                .hasMessageStartingWith("The SQL console is read-only");
        assertThat(count(models, "A")).isEqualTo(2);
        assertThat(first.store().count(EventFilter.ALL)).isEqualTo(2);
        assertThat(models.tables("tally")).containsExactly("tally");
    }

    /**
     * What else any role may do: hold advisory locks (the appends' lock was one), sleep, signal.
     * A console query holding every lock it can get, sleeping, stops no append and ends no
     * session of the store.
     */
    @Test
    void a_console_query_that_takes_locks_and_sleeps_stops_no_append() throws Exception {
        append(first, "s-1", "A", false, 2);
        models.catchUp();
        ReadOnlySql console = models.console();
        long oldAppendLock = 0x45_56_45_4E_54_53L; // the advisory lock appends took before V15_1
        CompletableFuture<Object> sleeper = CompletableFuture.supplyAsync(() -> {
            try {
                return console.run("BEGIN; LOCK TABLE append_lock IN ACCESS SHARE MODE; SELECT pg_advisory_lock("
                        + oldAppendLock + "), pg_advisory_xact_lock(" + oldAppendLock + "), pg_sleep(60)", 10);
            } catch (RuntimeException e) {
                return e;
            }
        });
        try {
            await(() -> sleepingConsoleQueries() == 1);
            append(first, "s-2", "A", false, 3);
            assertThat(sleeper).as("the append did not wait for the sleeping console query").isNotDone();
            assertThat(first.store().count(EventFilter.ALL)).isEqualTo(5);
        } finally {
            console.cancel();
        }
        assertThat(sleeper.get(30, TimeUnit.SECONDS)).isInstanceOf(ReadOnlySql.QueryCancelled.class);
    }

    private long sleepingConsoleQueries() {
        try (Connection c = first.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND usename LIKE 'eventscope_reader_%' AND wait_event = 'PgSleep'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private ReadModels secondWorkbench() {
        OpenStore store = Stores.open(url);
        ReadModels second = ReadModels.open(store.database(), store.store(), List.of(new Tally()), true);
        others.add(second);
        others.add(store);
        return second;
    }

    private static void append(OpenStore store, String stream, String type, boolean poison, int n) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(NewEvent.of(type, Json.object().put("poison", poison).put("i", i), null));
        }
        store.store().append(stream, ExpectedVersion.ANY, events);
    }

    private static long count(ReadModels models, String type) {
        return models.query("tally", c -> countOf(c, type));
    }

    private static long countOf(Connection c, String type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT n FROM tally WHERE event_type = ?")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private String schemaOfStore() {
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    private List<String> schemas() {
        List<String> out = new ArrayList<>();
        try (Connection c = first.database().connection(); PreparedStatement s = c.prepareStatement(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY schema_name")) {
            s.setString(1, schemaOfStore() + "_rm%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
