package io.eventscope.engine.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read side on a real H2 file: runner, checkpoint, park, retry, skip, pause, rebuild, as-of, check. */
class ReadModelsTest {
    @TempDir
    Path dir;

    private OpenStore opened;
    private final Tally tally = new Tally();
    private ReadModels models;

    @BeforeEach
    void open() {
        opened = Stores.open(dir.resolve("store").toString());
        models = ReadModels.open(opened.database(), opened.store(), List.of(tally), true);
    }

    @AfterEach
    void close() {
        models.close();
        opened.close();
    }

    @Test
    void the_live_projection_follows_appends_and_reports_its_lag_as_zero_when_caught_up() {
        append("s-1", "A", false, 3);
        append("s-2", "B", false, 2);
        await(() -> models.status("tally").checkpoint() == 5);
        assertThat(count("A")).isEqualTo(3);
        assertThat(count("B")).isEqualTo(2);
        ProjectionStatus status = models.status("tally");
        assertThat(status.state()).isEqualTo(ProjectionState.LIVE);
        assertThat(status.lag()).isZero();
        assertThat(status.generation()).isEqualTo(1);
    }

    @Test
    void pause_keeps_the_checkpoint_while_the_head_moves_and_resume_catches_up() {
        append("s-1", "A", false, 2);
        await(() -> models.status("tally").checkpoint() == 2);
        models.pause("tally");
        append("s-1", "A", false, 3);
        sleep(300);
        ProjectionStatus paused = models.status("tally");
        assertThat(paused.state()).isEqualTo(ProjectionState.PAUSED);
        assertThat(paused.checkpoint()).isEqualTo(2);
        assertThat(paused.lag()).isEqualTo(3);
        models.resume("tally");
        await(() -> models.status("tally").checkpoint() == 5);
        assertThat(count("A")).isEqualTo(5);
    }

    @Test
    void a_failing_event_parks_the_projection_there_and_retry_applies_it_once_healed() {
        append("s-1", "A", false, 2);
        append("s-1", "P", true, 1);
        append("s-1", "A", false, 2);
        await(() -> models.status("tally").state() == ProjectionState.PARKED);
        ProjectionStatus parked = models.status("tally");
        assertThat(parked.parkedPosition()).isEqualTo(3);
        assertThat(parked.checkpoint()).isEqualTo(2);
        assertThat(parked.lastError()).contains("P at position 3").contains("poisoned event");
        assertThat(count("A")).isEqualTo(2);

        models.retry("tally"); // still poisoned: parks again at the same event
        await(() -> models.status("tally").state() == ProjectionState.PARKED);
        assertThat(models.status("tally").checkpoint()).isEqualTo(2);

        tally.healed.set(true);
        models.retry("tally");
        await(() -> models.status("tally").checkpoint() == 5);
        assertThat(models.status("tally").state()).isEqualTo(ProjectionState.LIVE);
        assertThat(count("P")).isEqualTo(1);
        assertThat(count("A")).isEqualTo(4);
        assertThat(models.status("tally").skipped()).isZero();
    }

    @Test
    void skip_records_the_event_and_goes_on_and_a_rebuild_skips_it_too() throws Exception {
        append("s-1", "A", false, 1);
        append("s-1", "P", true, 1);
        append("s-1", "A", false, 1);
        await(() -> models.status("tally").state() == ProjectionState.PARKED);
        models.skip("tally");
        await(() -> models.status("tally").checkpoint() == 3);
        assertThat(count("P")).isZero();
        assertThat(count("A")).isEqualTo(2);
        assertThat(models.status("tally").skipped()).isEqualTo(1);
        try (Connection c = opened.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT position, event_type, error FROM projection_skips")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("P");
            assertThat(rs.getString(3)).contains("poisoned event");
        }

        RebuildReport rebuilt = models.rebuild("tally", ProgressMonitor.NONE);
        assertThat(rebuilt.completed()).isTrue();
        assertThat(count("P")).isZero();
        assertThat(count("A")).isEqualTo(2);
    }

    @Test
    void skip_and_retry_refuse_a_projection_that_is_not_parked() {
        assertThatThrownBy(() -> models.skip("tally")).isInstanceOf(ProjectionException.class)
                .hasMessageContaining("tally is not parked");
        assertThatThrownBy(() -> models.retry("nope")).hasMessageContaining("no read model named 'nope'");
    }

    @Test
    void a_rebuild_swaps_in_a_new_generation_while_queries_answer_from_the_old_one() {
        append("s-1", "A", false, 5_000);
        await(() -> models.status("tally").checkpoint() == 5_000);
        List<Long> seenDuringRebuild = new ArrayList<>();
        AtomicLong lastDone = new AtomicLong();
        RebuildReport report = models.rebuild("tally", new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                lastDone.set(done);
                seenDuringRebuild.add(count("A"));
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(report.completed()).isTrue();
        assertThat(report.generation()).isEqualTo(2);
        assertThat(seenDuringRebuild).isNotEmpty().allMatch(n -> n == 5_000);
        assertThat(lastDone.get()).isEqualTo(5_000);
        assertThat(models.status("tally").generation()).isEqualTo(2);
        assertThat(count("A")).isEqualTo(5_000);
        assertThat(schemas()).containsExactly("RM_TALLY_2");
        append("s-1", "A", false, 1); // the runner follows the new generation
        await(() -> count("A") == 5_001);
    }

    @Test
    void a_cancelled_rebuild_leaves_the_live_generation_and_drops_the_half_built_one() {
        append("s-1", "A", false, 5_000);
        await(() -> models.status("tally").checkpoint() == 5_000);
        AtomicLong pages = new AtomicLong();
        RebuildReport report = models.rebuild("tally", new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                pages.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return pages.get() >= 1;
            }
        });
        assertThat(report.completed()).isFalse();
        assertThat(models.status("tally").generation()).isEqualTo(1);
        assertThat(schemas()).containsExactly("RM_TALLY_1");
        append("s-1", "A", false, 1);
        await(() -> count("A") == 5_001);
    }

    @Test
    void leftovers_of_a_rebuild_that_never_finished_are_dropped_on_open() throws Exception {
        append("s-1", "A", false, 3);
        await(() -> models.status("tally").checkpoint() == 3);
        try (Connection c = opened.database().connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA RM_TALLY_7");
            s.execute("CREATE TABLE RM_TALLY_7.tally (event_type VARCHAR(10))");
            s.execute("INSERT INTO projection_checkpoints VALUES ('tally', 7, 1)");
        }
        models.close();
        models = ReadModels.open(opened.database(), opened.store(), List.of(tally), true);
        assertThat(schemas()).containsExactly("RM_TALLY_1");
        assertThat(count("A")).isEqualTo(3);
        assertThat(models.rebuild("tally", ProgressMonitor.NONE).generation()).isEqualTo(2);
    }

    @Test
    void as_of_builds_the_read_model_up_to_a_position_in_a_scratch_schema() {
        append("s-1", "A", false, 4);
        append("s-1", "B", false, 2);
        try (ScratchReadModel asOf = models.asOf("tally", 5, EventFilter.ALL)) {
            assertThat(countIn(asOf, "A")).isEqualTo(4);
            assertThat(countIn(asOf, "B")).isEqualTo(1);
            asOf.moveTo(2);
            assertThat(countIn(asOf, "A")).isEqualTo(2);
            assertThat(countIn(asOf, "B")).isZero();
            asOf.moveTo(6);
            assertThat(countIn(asOf, "B")).isEqualTo(2);
        }
        assertThat(schemas()).containsExactly("RM_TALLY_1");
    }

    @Test
    void the_shadow_check_finds_no_difference_for_a_deterministic_projection_and_reports_a_tampered_row()
            throws Exception {
        append("s-1", "A", false, 3);
        append("s-1", "B", false, 2);
        await(() -> models.status("tally").checkpoint() == 5);
        CheckReport clean = models.check("tally", ProgressMonitor.NONE);
        assertThat(clean.equal()).isTrue();
        assertThat(clean.position()).isEqualTo(5);
        assertThat(clean.tables()).extracting(CheckReport.TableDifference::table).containsExactly("tally");

        try (Connection c = opened.database().connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE RM_TALLY_1.tally SET n = 99 WHERE event_type = 'B'");
        }
        CheckReport tampered = models.check("tally", ProgressMonitor.NONE);
        assertThat(tampered.equal()).isFalse();
        CheckReport.TableDifference diff = tampered.tables().get(0);
        assertThat(diff.onlyLive()).isEqualTo(1);
        assertThat(diff.onlyRebuilt()).isEqualTo(1);
        assertThat(diff.liveSample()).containsExactly("event_type=B, n=99, last_pos=5");
        assertThat(diff.rebuiltSample()).containsExactly("event_type=B, n=2, last_pos=5");
        assertThat(schemas()).containsExactly("RM_TALLY_1");
    }

    @Test
    void parked_and_paused_states_survive_a_restart() {
        append("s-1", "P", true, 1);
        await(() -> models.status("tally").state() == ProjectionState.PARKED);
        models.close();
        models = ReadModels.open(opened.database(), opened.store(), List.of(tally), true);
        assertThat(models.status("tally").state()).isEqualTo(ProjectionState.PARKED);
        assertThat(models.status("tally").parkedPosition()).isEqualTo(1);
    }

    private void append(String stream, String type, boolean poison, int n) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(NewEvent.of(type, Json.object().put("poison", poison).put("i", i), null));
        }
        opened.store().append(stream, ExpectedVersion.ANY, events);
    }

    private long count(String type) {
        return models.query("tally", c -> countOf(c, type));
    }

    private static long countIn(ScratchReadModel model, String type) {
        return model.query(c -> countOf(c, type));
    }

    private static long countOf(Connection c, String type) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT n FROM tally WHERE event_type = ?")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private List<String> schemas() {
        List<String> out = new ArrayList<>();
        try (Connection c = opened.database().connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                     + " WHERE SCHEMA_NAME LIKE 'RM%' ORDER BY SCHEMA_NAME")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
