package io.eventscope.app.versions;

import io.eventscope.app.EventAt;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.EventShape;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.engine.upcast.UpcastFailure;
import io.eventscope.engine.upcast.UpcasterChain;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * The Versions view: which types and schema versions the store holds (from the upcast dry
 * run), the events of one of them, and the selected event as stored beside its upcasted form
 * with the chain's steps. Store reads, upcasting and JSON work run through the task executor.
 */
public final class VersionsViewModel {
    /** Events listed per load; "Load more" fetches the next ones. */
    static final int EVENT_PAGE = 200;

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final UpcasterChain chain;
    private final Notices notices;

    private final ObservableList<VersionCount> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionCount> selectedVersion = new SimpleObjectProperty<>();
    private final ObservableList<EventListing> events = FXCollections.observableArrayList();
    private final ObjectProperty<EventListing> selectedEvent = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper moreEvents = new ReadOnlyBooleanWrapper();
    private final ObservableList<UpcastFailure> failures = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EventComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ChainStep> selectedStep = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dryRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper dryRunProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    private boolean active;
    private int listGeneration;
    private long nextEventPosition;
    /** Set while a failure selects its type and version, so the list is not reloaded from the top. */
    private boolean revealing;
    private AtomicBoolean cancelDryRun = new AtomicBoolean();
    /** Which dry run is current: a run overtaken by a store change reports to no one. */
    private int dryRunId;

    public VersionsViewModel(Workspace workspace, TaskExecutor tasks, UpcasterChain chain, Notices notices) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.chain = chain;
        this.notices = notices;
        workspace.session().addListener((obs, old, now) -> storeChanged());
        selectedVersion.addListener((obs, old, now) -> {
            if (!revealing) {
                browse(now, 1, 0);
            }
        });
        selectedEvent.addListener((obs, old, now) -> loadComparison(now));
    }

    /** Types and schema versions as stored, with their counts, from the last dry run. */
    public ObservableList<VersionCount> versions() {
        return versions;
    }

    public ObjectProperty<VersionCount> selectedVersion() {
        return selectedVersion;
    }

    /** Events of the selected type and version, in position order. */
    public ObservableList<EventListing> events() {
        return events;
    }

    public ObjectProperty<EventListing> selectedEvent() {
        return selectedEvent;
    }

    /** True when more events of the selected type and version may follow the listed ones. */
    public ReadOnlyBooleanProperty moreEvents() {
        return moreEvents.getReadOnlyProperty();
    }

    /** Events an upcaster failed on in the last dry run. */
    public ObservableList<UpcastFailure> failures() {
        return failures;
    }

    /** The selected event, stored and upcasted, with its chain; null when none is selected. */
    public ReadOnlyObjectProperty<EventComparison> comparison() {
        return comparison.getReadOnlyProperty();
    }

    /** The step of the chain whose JSON and changes are shown. */
    public ObjectProperty<ChainStep> selectedStep() {
        return selectedStep;
    }

    public ReadOnlyBooleanProperty dryRunning() {
        return dryRunning.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 before the first page is read. */
    public ReadOnlyDoubleProperty dryRunProgress() {
        return dryRunProgress.getReadOnlyProperty();
    }

    /** What the last dry run found, or what it is doing. */
    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    /** True when the selected event can be kept as a golden fixture. */
    public BooleanBinding canExportFixture() {
        return Bindings.createBooleanBinding(() -> comparison.get() != null && comparison.get().trace() != null,
                comparison);
    }

    /** The view is on screen: the first time, and for each store opened after, the dry run fills it. */
    public void activate() {
        if (!active) {
            active = true;
            if (workspace.eventStore() != null) {
                runDryRun();
            }
        }
    }

    /** Upcasts every stored event without writing anything; progress and results arrive here. */
    public void runDryRun() {
        EventStore store = workspace.eventStore();
        if (store == null || dryRunning.get()) {
            return;
        }
        int id = ++dryRunId;
        AtomicBoolean cancel = new AtomicBoolean();
        cancelDryRun = cancel;
        dryRunning.set(true);
        summary.set("Upcasting every stored event…");
        Task<DryRunReport> task = tasks.run("Upcast dry run",
                progress -> new UpcastDryRun(store, chain).run(new TaskMonitor(progress, cancel)),
                report -> {
                    if (finishDryRun(id)) {
                        show(report);
                    }
                });
        dryRunProgress.bind(task.progressProperty());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (finishDryRun(id)) {
                summary.set("The dry run failed: " + task.getException().getMessage());
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            if (finishDryRun(id)) {
                summary.set("The dry run was stopped");
            }
        });
    }

    /** Asks the running dry run to stop; it reports what it scanned so far. */
    public void cancelDryRun() {
        if (dryRunning.get()) {
            cancelDryRun.set(true);
            summary.set("Cancelling…");
        }
    }

    /** Fetches the next events of the selected type and version. */
    public void loadMoreEvents() {
        VersionCount row = selectedVersion.get();
        if (row != null && moreEvents.get()) {
            load(workspace.eventStore(), row, nextEventPosition, 0, listGeneration);
        }
    }

    /** Selects the event a failure names: its type and version, and the event at the top of the list. */
    public void showFailure(UpcastFailure failure) {
        if (failure == null) {
            return;
        }
        VersionCount row = versions.stream()
                .filter(v -> v.eventType().equals(failure.eventType()) && v.schemaVersion() == failure.schemaVersion())
                .findFirst().orElse(null);
        revealing = true;
        try {
            selectedVersion.set(row);
        } finally {
            revealing = false;
        }
        if (row != null) {
            browse(row, failure.position(), failure.position());
        }
    }

    /** Writes the selected event's stored and upcasted forms, with its steps, as a golden fixture. */
    public void exportFixture(Path file) {
        EventComparison selected = comparison.get();
        if (selected == null || selected.trace() == null) {
            return;
        }
        tasks.run("Writing golden fixture", progress -> {
            selected.fixture().write(file);
            return file;
        }, written -> notices.info("Golden fixture written", written.toString()));
    }

    /** Ends the run with this id; false when another run, or a store change, has overtaken it. */
    private boolean finishDryRun(int id) {
        if (id != dryRunId) {
            return false;
        }
        dryRunProgress.unbind();
        dryRunning.set(false);
        return true;
    }

    private void storeChanged() {
        listGeneration++;
        cancelDryRun.set(true);
        finishDryRun(dryRunId);
        dryRunId++;
        versions.clear();
        failures.clear();
        events.clear();
        moreEvents.set(false);
        selectedVersion.set(null);
        summary.set("");
        if (active) {
            runDryRun();
        }
    }

    private void show(DryRunReport report) {
        VersionCount previous = selectedVersion.get();
        versions.setAll(counts(report));
        failures.setAll(report.failures());
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        String found = n.format(report.scanned()) + (report.scanned() == 1 ? " event" : " events") + " · "
                + n.format(report.changed()) + " upcasted · " + n.format(report.failureCount())
                + (report.failureCount() == 1 ? " failure" : " failures");
        summary.set(report.cancelled() ? "Cancelled after " + found : found);
        if (previous != null) {
            versions.stream()
                    .filter(v -> v.eventType().equals(previous.eventType()) && v.schemaVersion() == previous.schemaVersion())
                    .findFirst().ifPresent(selectedVersion::set);
        }
    }

    private List<VersionCount> counts(DryRunReport report) {
        List<VersionCount> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Long>> type : report.stored().entrySet()) {
            for (Map.Entry<Integer, Long> version : type.getValue().entrySet()) {
                rows.add(new VersionCount(type.getKey(), version.getKey(), version.getValue(),
                        becomes(type.getKey(), version.getKey())));
            }
        }
        return rows;
    }

    /** Where the chain takes a stored shape: "OrderCreated v3", or empty when it is current. */
    private String becomes(String type, int schemaVersion) {
        EventShape stored = new EventShape(type, schemaVersion);
        EventShape newest = chain.newestShape(stored);
        return newest.equals(stored) ? "" : newest.eventType() + " v" + newest.schemaVersion();
    }

    private void browse(VersionCount row, long fromPosition, long select) {
        int gen = ++listGeneration;
        events.clear();
        selectedEvent.set(null);
        moreEvents.set(false);
        if (row != null) {
            load(workspace.eventStore(), row, fromPosition, select, gen);
        }
    }

    private record Page(List<EventListing> events, long next, boolean more) {
    }

    private void load(EventStore store, VersionCount row, long fromPosition, long select, int gen) {
        moreEvents.set(false);
        tasks.run(progress -> page(store, row, fromPosition), page -> {
            if (gen != listGeneration) {
                return;
            }
            events.addAll(page.events());
            nextEventPosition = page.next();
            moreEvents.set(page.more());
            if (select > 0) {
                page.events().stream().filter(e -> e.position() == select).findFirst().ifPresent(selectedEvent::set);
            }
        });
    }

    /** The next {@link #EVENT_PAGE} events of the row's type stored at the row's schema version. */
    private static Page page(EventStore store, VersionCount row, long fromPosition) {
        // One more than a page tells whether there are more.
        List<EventEnvelope> read = store.readSchemaVersion(row.eventType(), row.schemaVersion(), fromPosition,
                Long.MAX_VALUE, EVENT_PAGE + 1);
        boolean more = read.size() > EVENT_PAGE;
        List<EventListing> found = read.stream().limit(EVENT_PAGE).map(EventListing::of).toList();
        long next = found.isEmpty() ? fromPosition : found.get(found.size() - 1).position() + 1;
        return new Page(found, next, more);
    }

    private void loadComparison(EventListing listing) {
        comparison.set(null);
        selectedStep.set(null);
        if (listing == null) {
            return;
        }
        EventStore store = workspace.eventStore();
        long position = listing.position();
        tasks.run(progress -> EventComparison.of(EventAt.read(store, position), chain), loaded -> {
            EventListing now = selectedEvent.get();
            if (now != null && now.position() == position) {
                comparison.set(loaded);
                selectedStep.set(loaded.steps().isEmpty() ? null : loaded.steps().get(0));
            }
        });
    }
}
