package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulationDeterminismTest {
    private static final Map<String, Double> FLAKY = Map.of("payment", 0.2, "inventory", 0.1, "shipping", 0.05,
            "compensation", 0.6);

    @ParameterizedTest
    @EnumSource(SagaMode.class)
    void one_seed_gives_the_same_run_event_for_event(SagaMode mode) {
        Scenario scenario = Scenario.DEFAULT.withFailures(FLAKY);
        SimulationRun first = new Simulation(scenario, mode, 99).run(200, ProgressMonitor.NONE);
        SimulationRun again = new Simulation(scenario, mode, 99).run(200, ProgressMonitor.NONE);
        SimulationRun other = new Simulation(scenario, mode, 100).run(200, ProgressMonitor.NONE);

        assertThat(events(again)).isEqualTo(events(first));
        assertThat(Json.write(again.summary())).isEqualTo(Json.write(first.summary()));
        assertThat(again.journal().recent(0, 100_000)).isEqualTo(first.journal().recent(0, 100_000));
        // The seed matters, and the batch exercises every outcome.
        assertThat(events(other).subList(0, 50)).isNotEqualTo(events(first).subList(0, 50));
        assertThat(first.summary().get("completed").asInt()).isPositive();
        assertThat(first.summary().get("compensated").asInt()).isPositive();
        assertThat(first.summary().get("needsIntervention").asInt()).isPositive();
    }

    /** What lets a stored run append to the end of the id indexes: ids sort in the order they were made, and are the run's own. */
    @ParameterizedTest
    @EnumSource(SagaMode.class)
    void ids_sort_in_the_order_the_run_made_them_and_no_other_run_makes_them(SagaMode mode) {
        SimulationRun run = new Simulation(Scenario.DEFAULT.withFailures(FLAKY), mode, 99).run(200, ProgressMonitor.NONE);
        SimulationRun other = new Simulation(Scenario.DEFAULT.withFailures(FLAKY), mode, 9).run(200, ProgressMonitor.NONE);
        List<String> eventIds = events(run).stream().map(EventEnvelope::eventId).toList();
        List<String> commandIds = commands(run).stream().map(JournalEntry::commandId).toList();

        assertThat(eventIds).hasSizeGreaterThan(1_000).isSorted().doesNotHaveDuplicates();
        assertThat(commandIds).hasSizeGreaterThan(1_000).isSorted().doesNotHaveDuplicates();
        assertThat(eventIds).doesNotContainAnyElementsOf(events(other).stream().map(EventEnvelope::eventId).toList());
        assertThat(commandIds).doesNotContainAnyElementsOf(commands(other).stream().map(JournalEntry::commandId).toList());
    }

    private static List<JournalEntry> commands(SimulationRun run) {
        List<JournalEntry> made = new ArrayList<>(run.journal().recent(0, Integer.MAX_VALUE));
        Collections.reverse(made);
        return made;
    }

    private static List<EventEnvelope> events(SimulationRun run) {
        return run.store().read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
    }
}
