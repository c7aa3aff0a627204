package io.eventscope.sample;

import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes sample-data/sagas.ndjson and sagas-commands.ndjson: two simulated batches, one per
 * mode, with flaky payments and failing refunds, so a newcomer meets sagas that completed,
 * that were compensated and that need intervention. Deterministic: rerunning it rewrites the
 * same bytes.
 *
 * <p>Run as {@link ShopSampleGenerator} says, with {@code io.eventscope.sample.SagaSampleGenerator sample-data}.
 */
public final class SagaSampleGenerator {
    static final Map<String, Double> FAILURES = Map.of("inventory", 0.05, "payment", 0.25, "shipping", 0.1,
            "compensation", 0.45);

    private SagaSampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        Scenario scenario = Scenario.DEFAULT.withFailures(FAILURES);
        List<SimulationRun> runs = List.of(
                new Simulation(scenario, SagaMode.ORCHESTRATION, 1).run(60, ProgressMonitor.NONE),
                new Simulation(scenario, SagaMode.CHOREOGRAPHY, 2).run(40, ProgressMonitor.NONE));
        try (Writer events = Files.newBufferedWriter(dir.resolve("sagas.ndjson"), StandardCharsets.UTF_8);
             Writer commands = Files.newBufferedWriter(dir.resolve("sagas-commands.ndjson"), StandardCharsets.UTF_8)) {
            for (SimulationRun run : runs) {
                new NdjsonExporter(run.store(), ExportFormat.NDJSON).export(EventFilter.ALL, events, ProgressMonitor.NONE);
                List<JournalEntry> journal = new ArrayList<>(run.journal().recent(0, Integer.MAX_VALUE));
                Collections.reverse(journal);
                for (JournalEntry entry : journal) {
                    commands.write(Json.write(entry));
                    commands.write('\n');
                }
            }
        }
    }
}
