package io.eventscope.cli.bench;

import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Sagas simulated and stored (events and journal, one transaction) in the H2 file store, per
 * mode, with failures injected. The baseline is plain JDBC inserting the same rows (the run's
 * events and journal, in one transaction, nothing simulated) into the identical raw database:
 * the most a run could be stored at on this machine, so the ratio carries across machines.
 */
public final class SagaBenchmarks {
    private static final Map<String, Double> FAILURES = Map.of("payment", 0.2, "inventory", 0.1, "shipping", 0.05,
            "compensation", 0.01);

    private SagaBenchmarks() {
    }

    public static List<Figure> simulate(BenchContext ctx) throws Exception {
        int sagas = (int) Math.max(1_000, Math.min(20_000, ctx.events() / 50));
        OpenStore store = ctx.store();
        JdbcCommandJournal journal = new JdbcCommandJournal(store.database());
        Scenario scenario = Scenario.DEFAULT.withFailures(FAILURES);
        List<Figure> figures = new ArrayList<>();
        for (SagaMode mode : SagaMode.values()) {
            // A warm-up run of its own seed, simulated and stored (by the store and by plain JDBC), so the
            // figure measures the steady state, not the JIT.
            SimulationRun warmUp = new Simulation(scenario, mode, 0).run(sagas / 4, ProgressMonitor.NONE);
            warmUp.storeInto(store.store(), journal, ProgressMonitor.NONE);
            rawStore(ctx, warmUp);
            long start = System.nanoTime();
            SimulationRun run = new Simulation(scenario, mode, 1).run(sagas, ProgressMonitor.NONE);
            run.storeInto(store.store(), journal, ProgressMonitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rawSeconds = rawStore(ctx, run) / 1e9;
            figures.add(Figure.against("saga-simulate-" + mode.label(), sagas / seconds, sagas / rawSeconds, "sagas/s"));
        }
        return figures;
    }

    /** Nanoseconds plain JDBC takes to insert the run's journal and events in one transaction (rows prepared before). */
    private static long rawStore(BenchContext ctx, SimulationRun run) throws Exception {
        List<JournalEntry> entries = new ArrayList<>(run.journal().recent(0, (int) run.journal().count()));
        Collections.reverse(entries);
        long head = StoreBenchmarks.rawHead(ctx);
        List<RawJdbc.Row> rows = new ArrayList<>();
        for (EventEnvelope e : run.store().read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS)) {
            rows.add(new RawJdbc.Row(head + e.position(), new NewEvent(e.eventId(), e.eventType(), e.aggregateType(),
                    e.aggregateId(), e.schemaVersion(), e.timestamp(), e.data(), e.metadata()), e.streamId(), e.version(),
                    Json.write(e.data())));
        }
        try (Connection raw = ctx.raw().connection()) {
            long t0 = System.nanoTime();
            RawJdbc.insertCommands(raw, entries);
            RawJdbc.insert(ctx.raw(), raw, rows);
            return System.nanoTime() - t0;
        }
    }
}
