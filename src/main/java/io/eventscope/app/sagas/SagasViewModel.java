package io.eventscope.app.sagas;

import io.eventscope.app.Navigation;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.app.timeline.TimelineViewModel;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.SagaRecord;
import io.eventscope.shop.saga.SagaRecords;
import io.eventscope.shop.saga.SagaStepRecord;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.ScenarioJson;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * The Sagas view: a scenario's failure knobs, running one order or a batch through the
 * simulator (progress, cancel), the stored sagas filtered by outcome, the selected saga's
 * steps with its state before and after each, and a batch's outcomes and latencies. Simulating,
 * storing and reading run through the task executor; nothing here touches the store on the FX thread.
 */
public final class SagasViewModel {
    private static final long[] LATENCY_BOUNDS_MS = {50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

    /** This view's id in the navigation. */
    private static final String VIEW = "sagas";

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Navigation navigation;
    private final EventsViewModel events;
    private final TimelineViewModel timeline;

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(Scenario.DEFAULT);
    private final ObjectProperty<SagaMode> mode = new SimpleObjectProperty<>(SagaMode.ORCHESTRATION);
    private final IntegerProperty orders = new SimpleIntegerProperty(200);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final Map<String, DoubleProperty> failures = Map.of(
            "inventory", new SimpleDoubleProperty(), "payment", new SimpleDoubleProperty(),
            "shipping", new SimpleDoubleProperty(), "compensation", new SimpleDoubleProperty());

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<SagaRecord> sagas = FXCollections.observableArrayList();
    private final FilteredList<SagaRecord> shown = new FilteredList<>(sagas);
    private final ObjectProperty<SagaStatus> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<SagaRecord> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<SagaStepRecord> selectedStep = new SimpleObjectProperty<>();
    private final ObservableList<SagaStepRecord> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<SagaStatus, Long>> outcomes = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<LatencyBucket> latencies = FXCollections.observableArrayList();
    private AtomicBoolean cancel = new AtomicBoolean();
    /** The open store's sagas are not listed yet. */
    private boolean stale;

    public SagasViewModel(Workspace workspace, TaskExecutor tasks, Navigation navigation, EventsViewModel events,
                          TimelineViewModel timeline) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.navigation = navigation;
        this.events = events;
        this.timeline = timeline;
        outcome.addListener((obs, old, now) -> shown.setPredicate(now == null ? null : s -> s.status() == now));
        selected.addListener((obs, old, now) -> {
            steps.setAll(now == null ? List.of() : now.steps());
            selectedStep.set(null);
        });
        workspace.session().addListener((obs, old, now) -> storeChanged());
        navigation.selected().addListener((obs, old, now) -> {
            if (stale && shown()) {
                reload();
            }
        });
        knobsFrom(Scenario.DEFAULT);
    }

    /** Runs {@link #orders()} orders as a batch; {@code one} runs a single order. */
    public void run(boolean one) {
        Engine engine = workspace.engine();
        if (engine == null || running.get()) {
            return;
        }
        Scenario world = scenarioWithKnobs();
        SagaMode sagaMode = mode.get();
        long runSeed = seed.get();
        int count = one ? 1 : Math.max(1, orders.get());
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        message.set("Simulating " + count + " order" + (count == 1 ? "" : "s") + " (" + sagaMode.label() + ", seed " + runSeed + ")…");
        Task<List<SagaRecord>> task = tasks.run("Simulating sagas", work -> {
            SimulationRun run = new Simulation(world, sagaMode, runSeed).run(count, new TaskMonitor(work, stop));
            if (run.cancelled()) {
                return null;
            }
            if (run.alreadyStoredIn(engine.openStore().store())) {
                throw new IllegalStateException("The store already holds run " + run.runId() + "; change the seed.");
            }
            work.message("Storing " + count + " sagas");
            run.storeInto(engine.openStore().store(), engine.journal(), new TaskMonitor(work, new AtomicBoolean()));
            List<SagaRecord> stored = new ArrayList<>();
            for (var saga : run.sagas()) {
                stored.add(SagaRecords.read(engine.openStore().store(), saga.streamId()));
            }
            return stored;
        }, stored -> {
            running.set(false);
            progress.unbind();
            if (stored == null) {
                message.set("Cancelled: nothing was stored.");
                return;
            }
            seed.set(runSeed + 1);
            // A reload that ran while the batch was being stored may already list some of it.
            Set<String> batch = stored.stream().map(SagaRecord::streamId).collect(Collectors.toSet());
            sagas.removeIf(saga -> batch.contains(saga.streamId()));
            sagas.addAll(stored);
            summarize(stored);
            message.set(describe(stored));
            if (!stored.isEmpty()) {
                selected.set(stored.get(0));
            }
        });
        progress.bind(task.progressProperty());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            running.set(false);
            progress.unbind();
            message.set("The simulation failed: " + task.getException().getMessage());
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            running.set(false);
            progress.unbind();
            message.set("Cancelled: nothing was stored.");
        });
    }

    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            message.set("Cancelling…");
        }
    }

    /** Loads a scenario file off the FX thread; a bad one is refused with its file, field and problem. */
    public void load(Path file) {
        tasks.run("Loading " + file.getFileName(), work -> ScenarioJson.read(file), loaded -> {
            scenario.set(loaded);
            knobsFrom(loaded);
            message.set("Scenario '" + loaded.name() + "' loaded from " + file.getFileName());
        });
    }

    public void save(Path file) {
        Scenario world = scenarioWithKnobs();
        tasks.run("Saving " + file.getFileName(), work -> Files.writeString(file, ScenarioJson.write(world)),
                written -> message.set("Scenario saved to " + file.getFileName()));
    }

    /** Shows the selected saga's whole run in the Events view's causation tree. */
    public void openCausationTree() {
        SagaRecord saga = selected.get();
        if (saga != null) {
            SagaStepRecord step = selectedStep.get() != null ? selectedStep.get() : saga.steps().get(0);
            events.followCorrelation(saga.correlationId(), step.eventId());
            navigation.show("events");
        }
    }

    public void openTimeline() {
        SagaRecord saga = selected.get();
        if (saga != null) {
            SagaStepRecord step = selectedStep.get();
            timeline.openStream(saga.streamId(), step == null ? saga.steps().size() : step.version());
            navigation.show("timeline");
        }
    }

    /**
     * Listing the sagas reads the whole log, so a store opened while another view shows (the
     * window's start) is read only once this view is shown: it was a sixth of the start's work.
     */
    private void storeChanged() {
        sagas.clear();
        selected.set(null);
        stale = true;
        if (shown()) {
            reload();
        }
    }

    private boolean shown() {
        return navigation.selected().get() != null && navigation.selected().get().id().equals(VIEW);
    }

    private void reload() {
        stale = false;
        sagas.clear();
        selected.set(null);
        Engine engine = workspace.engine();
        if (engine == null) {
            return;
        }
        tasks.run(work -> SagaRecords.list(engine.openStore().store(), null), stored -> {
            if (workspace.engine() == engine) {
                sagas.setAll(stored);
                summarize(stored);
            }
        });
    }

    private void summarize(List<SagaRecord> batch) {
        Map<SagaStatus, Long> counts = new EnumMap<>(SagaStatus.class);
        long[] buckets = new long[LATENCY_BOUNDS_MS.length + 1];
        for (SagaRecord s : batch) {
            counts.merge(s.status(), 1L, Long::sum);
            long ms = s.latency().toMillis();
            int b = 0;
            while (b < LATENCY_BOUNDS_MS.length && ms >= LATENCY_BOUNDS_MS[b]) {
                b++;
            }
            buckets[b]++;
        }
        outcomes.set(counts);
        List<LatencyBucket> bars = new ArrayList<>();
        for (int b = 0; b < buckets.length; b++) {
            bars.add(new LatencyBucket(b < LATENCY_BOUNDS_MS.length ? "< " + LATENCY_BOUNDS_MS[b] + " ms"
                    : "≥ " + LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] + " ms", buckets[b]));
        }
        latencies.setAll(bars);
    }

    private static String describe(List<SagaRecord> batch) {
        long completed = batch.stream().filter(s -> s.status() == SagaStatus.COMPLETED).count();
        long compensated = batch.stream().filter(s -> s.status() == SagaStatus.COMPENSATED).count();
        long stuck = batch.stream().filter(s -> s.status() == SagaStatus.NEEDS_INTERVENTION).count();
        return batch.size() + " sagas stored: " + completed + " completed, " + compensated + " compensated, "
                + stuck + " need intervention";
    }

    private void knobsFrom(Scenario s) {
        failures.get("inventory").set(s.faults("inventory").failureProbability());
        failures.get("payment").set(s.faults("payment").failureProbability());
        failures.get("shipping").set(s.faults("shipping").failureProbability());
        failures.get("compensation").set(s.faults("payment").compensationFailureProbability());
    }

    private Scenario scenarioWithKnobs() {
        Map<String, Double> p = new TreeMap<>();
        failures.forEach((k, v) -> p.put(k, v.get()));
        return scenario.get().withFailures(p);
    }

    public ReadOnlyObjectProperty<Scenario> scenario() {
        return scenario.getReadOnlyProperty();
    }

    public ObjectProperty<SagaMode> mode() {
        return mode;
    }

    public IntegerProperty orders() {
        return orders;
    }

    public LongProperty seed() {
        return seed;
    }

    /** The failure probability of {@code inventory}, {@code payment}, {@code shipping} or {@code compensation}. */
    public DoubleProperty failure(String knob) {
        return failures.get(knob);
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The stored sagas the outcome filter lets through, in start order. */
    public ObservableList<SagaRecord> sagas() {
        return shown;
    }

    /** The outcome to show; null for all. */
    public ObjectProperty<SagaStatus> outcome() {
        return outcome;
    }

    public ObjectProperty<SagaRecord> selected() {
        return selected;
    }

    public ObservableList<SagaStepRecord> steps() {
        return steps;
    }

    public ObjectProperty<SagaStepRecord> selectedStep() {
        return selectedStep;
    }

    /** Sagas per outcome, of the last batch run (or of the store when it opens). */
    public ReadOnlyObjectProperty<Map<SagaStatus, Long>> outcomes() {
        return outcomes.getReadOnlyProperty();
    }

    public ObservableList<LatencyBucket> latencies() {
        return latencies;
    }
}
