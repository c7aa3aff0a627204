package io.eventscope.cli;

import io.eventscope.cli.bench.BenchContext;
import io.eventscope.cli.bench.BenchStep;
import io.eventscope.cli.bench.Figure;
import io.eventscope.cli.bench.GrowthBenchmarks;
import io.eventscope.cli.bench.ProjectionBenchmarks;
import io.eventscope.cli.bench.FilterBenchmarks;
import io.eventscope.cli.bench.StartupBenchmarks;
import io.eventscope.cli.bench.SagaBenchmarks;
import io.eventscope.cli.bench.RabbitBenchmarks;
import io.eventscope.cli.bench.StoreBenchmarks;
import io.eventscope.cli.bench.TimeTravelBenchmarks;
import io.eventscope.cli.bench.TimelineBenchmarks;
import io.eventscope.cli.bench.VersioningBenchmarks;
import io.eventscope.cli.bench.WhatIfBenchmarks;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.EventStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Measures the engine and prints one JSON line per figure as soon as it is known. Figures
 * with a baseline compare against plain JDBC doing the same work in the same run, so they
 * read as ratios that hold from one machine to the next. Add a figure by adding a step.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the event store (appends, file growth under single appends, replay, lookups, the Events view's filters, stats, in-memory store), time travel (stateAt,"
                + " full folds), versioning (import, export, upcast dry run), what-if, start-up (a command, the window) and"
                + " sagas (simulated and stored) and read models (rebuild, lag while appending): one JSON line per figure.")
public final class BenchCommand implements Callable<Integer> {
    /** In this order: the first step loads the store that later ones read, so it always runs. */
    private static final Map<String, BenchStep> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("append", StoreBenchmarks::appendBatch100);
        STEPS.put("append-single", StoreBenchmarks::appendSingle);
        STEPS.put("store-growth", GrowthBenchmarks::storeGrowth);
        STEPS.put("replay", StoreBenchmarks::replay);
        STEPS.put("lookups", StoreBenchmarks::lookups);
        STEPS.put("filters", FilterBenchmarks::filters);
        STEPS.put("stats", FilterBenchmarks::stats);
        STEPS.put("memory", StoreBenchmarks::memory);
        STEPS.put("state-at", TimeTravelBenchmarks::stateAt);
        STEPS.put("fold", TimeTravelBenchmarks::fold);
        STEPS.put("timeline-jump", TimelineBenchmarks::timelineJump);
        STEPS.put("versioning", VersioningBenchmarks::importExportUpcast);
        STEPS.put("what-if", WhatIfBenchmarks::whatIf);
        STEPS.put("cli-start", StartupBenchmarks::cliStart);
        STEPS.put("window-start", StartupBenchmarks::windowStart);
        STEPS.put("saga-simulate", SagaBenchmarks::simulate);
        STEPS.put("projection-rebuild", ProjectionBenchmarks::rebuild);
        STEPS.put("projection-lag", ProjectionBenchmarks::lag);
        STEPS.put("rabbit-publish", RabbitBenchmarks::publish);
        STEPS.put("rabbit-consume", RabbitBenchmarks::consume);
    }

    @Option(names = "--events", defaultValue = "200000", paramLabel = "N",
            description = "Events to load into the store under test (default: ${DEFAULT-VALUE}, a few minutes;"
                    + " the lookup targets are stated for 1000000).")
    long events;

    @Option(names = "--dir", paramLabel = "D",
            description = "Folder for the benchmark databases, made when missing (default: the system temp folder);"
                    + " what the run writes there is removed afterwards.")
    Path dir;

    @Option(names = "--store", paramLabel = "URL",
            description = "Measure the store on this PostgreSQL server (jdbc:postgresql://host:port/database?user=name)"
                    + " instead of H2 files: two scratch databases are made there, for the store and the raw JDBC"
                    + " baseline, and dropped afterwards.")
    String postgres;

    @Option(names = "--only", split = ",", paramLabel = "STEP",
            description = "Run only these steps (after the loading step 'append', which later steps read): ${COMPLETION-CANDIDATES}.",
            completionCandidates = StepNames.class)
    List<String> only;

    @Spec
    CommandSpec spec;

    /** The step names, for --only's help and checks. */
    static final class StepNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return STEPS.keySet().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (events < 100) {
            err.println("bench: --events must be at least 100, was " + events);
            return Cli.USAGE;
        }
        if (only != null) {
            for (String name : only) {
                if (!STEPS.containsKey(name)) {
                    err.println("bench: no step named '" + name + "'; the steps are " + String.join(", ", STEPS.keySet()));
                    return Cli.USAGE;
                }
            }
        }
        Path work;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            work = dir == null ? Files.createTempDirectory("eventscope-bench-")
                    : Files.createTempDirectory(dir, "eventscope-bench-");
        } catch (IOException e) {
            err.println("bench: cannot create a working folder in " + (dir == null ? "the temp folder" : dir)
                    + ": " + e.getMessage());
            return Cli.USAGE;
        }
        try (BenchContext ctx = new BenchContext(work, events, postgres)) {
            String loader = STEPS.keySet().iterator().next();
            for (Map.Entry<String, BenchStep> step : STEPS.entrySet()) {
                if (only != null && !step.getKey().equals(loader) && !only.contains(step.getKey())) {
                    continue;
                }
                for (Figure f : step.getValue().run(ctx)) {
                    out.println(Json.write(f));
                    out.flush();
                }
            }
            return Cli.OK;
        } catch (EventStoreException e) {
            err.println("bench: " + e.getMessage());
            return Cli.USAGE;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
