package io.eventscope.cli;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.ScenarioException;
import io.eventscope.shop.saga.ScenarioJson;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs order sagas through simulated inventory, payment and shipping services with injected"
                + " failures, on a virtual clock, stores their events and journal, and prints one JSON summary:"
                + " outcomes, steps, virtual latency percentiles and the invariants checked after the run.",
                "The same arguments on an empty store print the same bytes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, every invariant holds", "1:done, but an invariant does not hold (see the summary)",
                "2:bad usage or a bad scenario file (nothing is written)",
                "3:the store already holds the run of this seed and mode"})
final class SimulateCommand implements Callable<Integer> {
    private static final List<String> FAIL_KEYS = List.of("inventory", "payment", "shipping", "compensation");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--orders", defaultValue = "100", paramLabel = "N", description = "Orders, one saga each (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "X", description = "The random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mode", defaultValue = "orchestration", paramLabel = "MODE",
            description = "orchestration or choreography (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario JSON file (see sample-data/scenarios/README.md).")
    Path scenarioFile;

    @Option(names = "--fail", split = ",", paramLabel = "SERVICE=P",
            description = "Failure probabilities overriding the scenario's: inventory, payment, shipping, and compensation"
                    + " (every service's compensations), e.g. payment=0.2,compensation=0.01.")
    Map<String, String> fail;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SagaMode sagaMode = Arrays.stream(SagaMode.values()).filter(m -> m.label().equals(mode)).findFirst().orElse(null);
        if (sagaMode == null) {
            err.println("simulate: --mode must be orchestration or choreography, was '" + mode + "'");
            return Cli.USAGE;
        }
        if (orders < 1) {
            err.println("simulate: --orders must be at least 1, was " + orders);
            return Cli.USAGE;
        }
        Scenario scenario;
        try {
            scenario = scenarioFile == null ? Scenario.DEFAULT : ScenarioJson.read(scenarioFile);
            scenario = scenario.withFailures(failures());
        } catch (ScenarioException e) {
            err.println("simulate: " + e.getMessage());
            return Cli.USAGE;
        }
        SimulationRun run = new Simulation(scenario, sagaMode, seed).run(orders, ProgressMonitor.NONE);
        try (Engine engine = ShopEngine.open(store.spec)) {
            if (run.alreadyStoredIn(engine.openStore().store())) {
                err.println("simulate: " + engine.openStore().store().describe() + " already holds run " + run.runId()
                        + " (" + sagaMode.label() + ", seed " + seed + "); pick another --seed");
                return Cli.CONFLICT;
            }
            run.storeInto(engine.openStore().store(), engine.journal(), ProgressMonitor.NONE);
        }
        var summary = run.summary();
        spec.commandLine().getOut().println(Json.write(summary));
        return summary.get("invariantsHold").asBoolean() ? Cli.OK : Cli.FINDING;
    }

    private Map<String, Double> failures() {
        Map<String, Double> parsed = new TreeMap<>();
        if (fail == null) {
            return parsed;
        }
        for (Map.Entry<String, String> f : fail.entrySet()) {
            if (!FAIL_KEYS.contains(f.getKey())) {
                throw new ScenarioException("--fail: unknown service '" + f.getKey() + "'; known: " + String.join(", ", FAIL_KEYS));
            }
            double p;
            try {
                p = Double.parseDouble(f.getValue());
            } catch (NumberFormatException e) {
                throw new ScenarioException("--fail " + f.getKey() + ": must be a number between 0 and 1, was '" + f.getValue() + "'");
            }
            if (!(p >= 0 && p <= 1)) {
                throw new ScenarioException("--fail " + f.getKey() + ": is a probability and must be between 0 and 1, was " + f.getValue());
            }
            parsed.put(f.getKey(), p);
        }
        return parsed;
    }
}
