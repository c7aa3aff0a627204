package io.eventscope.cli.bench;

import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sagas simulated and stored (events and journal) in the H2 file store, per mode, with failures injected. */
public final class SagaBenchmarks {
    private static final Map<String, Double> FAILURES = Map.of("payment", 0.2, "inventory", 0.1, "shipping", 0.05,
            "compensation", 0.01);

    private SagaBenchmarks() {
    }

    public static List<Figure> simulate(BenchContext ctx) {
        int sagas = (int) Math.max(1_000, Math.min(20_000, ctx.events() / 50));
        OpenStore store = ctx.store();
        JdbcCommandJournal journal = new JdbcCommandJournal(store.database());
        Scenario scenario = Scenario.DEFAULT.withFailures(FAILURES);
        List<Figure> figures = new ArrayList<>();
        for (SagaMode mode : SagaMode.values()) {
            // A warm-up run of its own seed, so the figure measures the steady state, not the JIT.
            new Simulation(scenario, mode, 0).run(sagas / 4, ProgressMonitor.NONE);
            long start = System.nanoTime();
            SimulationRun run = new Simulation(scenario, mode, 1).run(sagas, ProgressMonitor.NONE);
            run.storeInto(store.store(), journal, ProgressMonitor.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.add(Figure.of("saga-simulate-" + mode.label(), sagas / seconds, "sagas/s"));
        }
        return figures;
    }
}
