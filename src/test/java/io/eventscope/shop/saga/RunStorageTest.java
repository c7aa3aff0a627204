package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreVerifier;
import io.eventscope.engine.store.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run's journal and events are stored in one transaction: a failure or a crash leaves all of the run or none. */
class RunStorageTest {
    private static final Scenario FLAKY = Scenario.DEFAULT.withFailures(java.util.Map.of("payment", 0.3, "shipping", 0.1));

    @ParameterizedTest(name = "a failure inserting into {0}")
    @ValueSource(strings = {"events", "command_journal"})
    void a_failing_write_stores_nothing_of_the_run_keeps_what_was_there_and_a_retry_stores_it_exactly(String table,
            @TempDir Path dir) throws Exception {
        try (OpenStore store = Stores.open(dir.resolve("s").toString())) {
            JdbcCommandJournal journal = new JdbcCommandJournal(store.database());
            SimulationRun before = run(1, 20);
            before.storeInto(store.store(), journal, ProgressMonitor.NONE);
            long eventsBefore = store.store().headPosition();
            long commandsBefore = journal.count();
            SimulationRun run = run(2, 50);
            assertThat(run.journal().count()).isGreaterThan(FailingInsert.FAILING_ROW);
            assertThat(run.store().headPosition()).isGreaterThan(FailingInsert.FAILING_ROW);

            sql(store, "CREATE TRIGGER fail_insert BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                    + FailingInsert.class.getName() + "'");
            assertThatThrownBy(() -> run.storeInto(store.store(), journal, ProgressMonitor.NONE))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("no space left on device");

            assertThat(store.store().headPosition()).isEqualTo(eventsBefore);
            assertThat(journal.count()).isEqualTo(commandsBefore);
            assertThat(run.alreadyStoredIn(store.store())).isFalse();
            assertThat(journal.byCorrelationId(run.sagas().get(0).orderId())).isEmpty();
            assertThat(StoreVerifier.verify(store.store()).sound()).isTrue();

            sql(store, "DROP TRIGGER fail_insert");
            run.storeInto(store.store(), journal, ProgressMonitor.NONE);
            assertStoredExactly(run, store, journal, eventsBefore);
            assertThat(journal.count()).isEqualTo(commandsBefore + run.journal().count());
        }
    }

    @ParameterizedTest(name = "killed while inserting into {0}")
    @ValueSource(strings = {"events", "command_journal"})
    void a_child_jvm_killed_while_storing_a_batch_leaves_none_of_it(String table, @TempDir Path dir) throws Exception {
        Path storePath = dir.resolve("killed");
        // 200 orders make about 2,800 events and 1,800 commands: the kill comes halfway through either.
        Process child = StoringChild.start(storePath, 200, table, 900, dir.resolve("child.log"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.equals("paused"); line = out.readLine()) {
                lines.add(line);
            }
            child.toHandle().destroyForcibly(); // kill -9, halfway through the insert
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(lines).as("child log: %s", Files.readString(dir.resolve("child.log"))).hasSize(1)
                .allMatch(l -> l.startsWith("storing "));

        try (OpenStore reopened = Stores.open(storePath.toString())) {
            assertThat(reopened.store().headPosition()).isZero();
            assertThat(new JdbcCommandJournal(reopened.database()).count()).isZero();
            assertThat(StoreVerifier.verify(reopened.store()).sound()).isTrue();
        }
    }

    private static SimulationRun run(long seed, int orders) {
        return new Simulation(FLAKY, SagaMode.CHOREOGRAPHY, seed).run(orders, ProgressMonitor.NONE);
    }

    /** The run's events follow what was there, in its order, with its ids, times and causes; its journal as it was. */
    private static void assertStoredExactly(SimulationRun run, OpenStore store, CommandJournal journal, long after) {
        List<EventEnvelope> made = run.store().read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        List<EventEnvelope> stored = store.store().read(EventFilter.ALL, after + 1, Integer.MAX_VALUE, Direction.FORWARDS);
        assertThat(stored).hasSameSizeAs(made);
        for (int i = 0; i < made.size(); i++) {
            EventEnvelope m = made.get(i);
            EventEnvelope s = stored.get(i);
            assertThat(List.of(s.eventId(), s.streamId(), s.version(), s.eventType(), s.timestamp(), s.data(), s.metadata(),
                    s.position())).isEqualTo(List.of(m.eventId(), m.streamId(), m.version(), m.eventType(), m.timestamp(),
                    m.data(), m.metadata(), after + m.position()));
        }
        List<JournalEntry> expected = new ArrayList<>(run.journal().recent(0, (int) run.journal().count()));
        List<JournalEntry> actual = new ArrayList<>(journal.recent(0, (int) run.journal().count()));
        Collections.reverse(expected);
        Collections.reverse(actual);
        assertThat(actual).isEqualTo(expected);
    }

    private static void sql(OpenStore store, String sql) throws Exception {
        try (Connection c = store.database().connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
