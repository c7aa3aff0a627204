package io.eventscope.app.versions;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.app.BackgroundWork;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.GoldenFixture;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.engine.upcast.UpcastException;
import io.eventscope.engine.upcast.UpcastFailure;
import io.eventscope.engine.upcast.UpcastStep;
import io.eventscope.engine.upcast.UpcastTrace;
import io.eventscope.engine.upcast.UpcasterChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The Versions view's state: the dry run over the open store (types and schema versions with
 * their counts, failures, progress and cancel) and one event shown as stored, step by step,
 * and upcasted. All reading, upcasting and JSON printing runs on the task executor.
 */
public final class VersionsViewModel {
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final UpcasterChain chain;

    private final ObservableList<TypeVersionCount> types = FXCollections.observableArrayList();
    private final ObservableList<UpcastFailure> failures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Run the dry run to see every type and version.");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private Task<DryRunReport> dryRun;

    private final StringProperty position = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper eventTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<ChainStep> steps = FXCollections.observableArrayList();
    private final ObjectProperty<ChainStep> selectedStep = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper storedJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper upcastedJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changes = new ReadOnlyStringWrapper("");
    private UpcastTrace shown;

    public VersionsViewModel(Workspace workspace, TaskExecutor tasks, UpcasterChain chain) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.chain = chain;
        selectedStep.addListener((obs, old, step) -> {
            upcastedJson.set(step == null ? "" : step.json());
            changes.set(step == null ? "" : step.changes());
        });
        workspace.session().addListener((obs, old, now) -> reset());
    }

    public ObservableList<TypeVersionCount> types() {
        return types;
    }

    public ObservableList<UpcastFailure> failures() {
        return failures;
    }

    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public StringProperty position() {
        return position;
    }

    public ReadOnlyStringProperty eventTitle() {
        return eventTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<ChainStep> steps() {
        return steps;
    }

    /** The step whose result the upcasted side shows; the last one after loading an event. */
    public ObjectProperty<ChainStep> selectedStep() {
        return selectedStep;
    }

    public ReadOnlyStringProperty storedJson() {
        return storedJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty upcastedJson() {
        return upcastedJson.getReadOnlyProperty();
    }

    /** What the selected step changed, one RFC 6902 operation per line. */
    public ReadOnlyStringProperty changes() {
        return changes.getReadOnlyProperty();
    }

    /** Upcasts the whole store without writing anything; progress and cancel as it goes. */
    public void runDryRun() {
        EventStore store = workspace.eventStore();
        if (store == null || running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        failures.clear();
        summary.set("Upcasting every event…");
        dryRun = tasks.run("Upcast dry run", work -> new UpcastDryRun(store, chain).run(monitor(work)), this::showReport);
        progress.bind(dryRun.progressProperty());
        dryRun.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                progress.unbind();
                running.set(false);
            }
        });
    }

    public void cancelDryRun() {
        if (dryRun != null) {
            dryRun.cancel();
            summary.set("Dry run cancelled.");
        }
    }

    /** Shows the event at the typed position: stored, every step, upcasted. */
    public void showEvent() {
        EventStore store = workspace.eventStore();
        long at;
        try {
            at = Long.parseLong(position.get().trim());
        } catch (NumberFormatException e) {
            error.set("Position must be a whole number, was '" + position.get() + "'.");
            return;
        }
        if (store == null) {
            return;
        }
        error.set("");
        tasks.run(work -> load(store, at), this::showLoaded);
    }

    /** Jumps to the event a failure names. */
    public void showFailure(UpcastFailure failure) {
        position.set(Long.toString(failure.position()));
        showEvent();
    }

    /** Writes the shown event's stored form, steps and result as a golden fixture tests can load. */
    public void exportFixture(Path file) {
        UpcastTrace trace = shown;
        if (trace == null) {
            return;
        }
        tasks.run("Exporting fixture", work -> {
            GoldenFixture.of(trace.stored().eventType() + " v" + trace.stored().schemaVersion() + " at position "
                    + trace.stored().position(), trace).write(file);
            return null;
        }, done -> { });
    }

    private void showReport(DryRunReport report) {
        List<TypeVersionCount> rows = new ArrayList<>();
        report.stored().forEach((type, versions) -> versions.forEach((v, n) -> rows.add(new TypeVersionCount(type, v, n))));
        types.setAll(rows);
        failures.setAll(report.failures());
        summary.set(report.scanned() + " events, " + report.changed() + " would change, " + report.failureCount()
                + (report.failureCount() == 1 ? " failure" : " failures") + (report.cancelled() ? " (cancelled)" : ""));
    }

    /** The event, its trace and every step's printed JSON; or an error message. */
    private record Loaded(UpcastTrace trace, String title, String storedJson, List<ChainStep> steps, String error) {
    }

    private Loaded load(EventStore store, long at) {
        List<EventEnvelope> found = store.read(EventFilter.ALL, at, 1, Direction.FORWARDS);
        if (found.isEmpty() || found.get(0).position() != at) {
            return new Loaded(null, "", "", List.of(), "No event at position " + at + ".");
        }
        EventEnvelope event = found.get(0);
        String title = event.eventType() + " v" + event.schemaVersion() + " · " + event.streamId() + " · position " + at;
        String stored = pretty(event.data());
        try {
            UpcastTrace trace = chain.trace(event);
            List<ChainStep> printed = new ArrayList<>();
            printed.add(new ChainStep("stored", event.eventType(), event.schemaVersion(), "", stored));
            for (int i = 0; i < trace.steps().size(); i++) {
                UpcastStep step = trace.steps().get(i);
                printed.add(new ChainStep(step.upcaster(), step.result().eventType(), step.result().schemaVersion(),
                        operations(trace.changes(i)), pretty(step.result().data())));
            }
            return new Loaded(trace, title, stored, printed, "");
        } catch (UpcastException e) {
            return new Loaded(null, title, stored, List.of(), e.getMessage());
        }
    }

    private void showLoaded(Loaded loaded) {
        shown = loaded.trace();
        eventTitle.set(loaded.title());
        storedJson.set(loaded.storedJson());
        error.set(loaded.error());
        steps.setAll(loaded.steps());
        selectedStep.set(steps.isEmpty() ? null : steps.get(steps.size() - 1));
    }

    private void reset() {
        cancelDryRun();
        types.clear();
        failures.clear();
        steps.clear();
        shown = null;
        storedJson.set("");
        eventTitle.set("");
        error.set("");
        summary.set("Run the dry run to see every type and version.");
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String operations(JsonNode patch) {
        StringBuilder out = new StringBuilder();
        for (JsonNode op : patch) {
            out.append(op.get("op").asText()).append(' ').append(op.get("path").asText());
            if (op.has("value")) {
                out.append(" = ").append(op.get("value"));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static ProgressMonitor monitor(BackgroundWork.Progress work) {
        return new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                work.update(done, total);
            }

            @Override
            public boolean isCancelled() {
                return work.isCancelled();
            }
        };
    }

    /** Stops a running dry run; callable from any thread (it touches no property). */
    public void close() {
        if (dryRun != null) {
            dryRun.cancel();
        }
    }
}
