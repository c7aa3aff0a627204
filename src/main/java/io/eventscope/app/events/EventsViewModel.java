package io.eventscope.app.events;

import io.eventscope.app.BridgeOutbox;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Events browser: the global log as a paged list under the filter, the selection, and the
 * ways to move it (reveal a position, follow a correlation). The parts are their own classes:
 * the filter inputs, the scan and its pages, the live tail, the known types, the detail and
 * the causation tree. Every store call runs through the task executor.
 */
public final class EventsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EventsViewModel.class);

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final EventFilterInputs inputs = new EventFilterInputs(this::applyFilter);
    private final LiveTail tail = new LiveTail();
    private final KnownTypes knownTypes;
    private final DetailLoader detail;
    private final CausationTreeViewModel causation;

    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ObservableList<EventRow>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper matches = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<EventRow> selected = new SimpleObjectProperty<>();
    private BridgeOutbox bridgeOutbox = new BridgeOutbox();
    private final ReadOnlyObjectWrapper<Integer> revealedRow = new ReadOnlyObjectWrapper<>();
    private LongConsumer timelineOpener = position -> { };

    private EventRowList list;
    private EventFilter activeFilter = EventFilter.ALL;
    private Task<?> scan;
    private int generation;
    private long pendingReveal;
    /** When the running filter was applied, for the "first rows after" log line. */
    private long filterStarted;

    public EventsViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.knownTypes = new KnownTypes(tasks);
        this.detail = new DetailLoader(tasks, workspace::eventStore, selected::get);
        this.causation = new CausationTreeViewModel(tasks, this::reveal);
        workspace.session().addListener((obs, old, now) -> storeChanged());
        selected.addListener((obs, old, now) -> detail.load(now));
        if (workspace.session().get() != null) {
            storeChanged();
        }
    }

    // Filter inputs, bound by the view.

    public StringProperty stream() {
        return inputs.stream();
    }

    public ObservableList<String> selectedTypes() {
        return inputs.selectedTypes();
    }

    public StringProperty correlationId() {
        return inputs.correlationId();
    }

    public StringProperty causationId() {
        return inputs.causationId();
    }

    public StringProperty from() {
        return inputs.from();
    }

    public StringProperty to() {
        return inputs.to();
    }

    public StringProperty text() {
        return inputs.text();
    }

    /** Event types seen in the store, for the type picker. */
    public ObservableList<String> knownTypes() {
        return knownTypes.types();
    }

    // What the view shows.

    /** Why the filter could not be applied, empty when it was. */
    public ReadOnlyStringProperty filterError() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<EventRow>> rows() {
        return rows.getReadOnlyProperty();
    }

    /** "1,000,000 events" or "3 matches". */
    public ReadOnlyStringProperty matches() {
        return matches.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filtering() {
        return filtering.getReadOnlyProperty();
    }

    /** While paused, arriving events are held back and counted in {@link #held()}. */
    public BooleanProperty paused() {
        return tail.paused();
    }

    public ReadOnlyIntegerProperty held() {
        return tail.held();
    }

    /** Counts batches of live events added to the table, so the view can follow the tail. */
    public ReadOnlyIntegerProperty arrivals() {
        return tail.arrivals();
    }

    /** Where "Open in Timeline" goes (an event's position); the workbench connects it to the Timeline view. */
    public void setTimelineOpener(LongConsumer opener) {
        timelineOpener = opener;
    }

    public void openInTimeline(EventSummary event) {
        timelineOpener.accept(event.position());
    }

    /** Where "Publish to the broker" and "Preview EventBridge entries" hand the selected events; the workbench shares it with the Bridges view. */
    public void setBridgeOutbox(BridgeOutbox outbox) {
        bridgeOutbox = outbox;
    }

    public void publishToBroker(List<EventRow> rows) {
        bridgeOutbox.publish(rows.stream().map(EventRow::position).toList());
    }

    public void previewEventBridge(List<EventRow> rows) {
        bridgeOutbox.previewEventBridge(rows.stream().map(EventRow::position).toList());
    }

    /** Opens a causation tree's event in the Timeline; a command node has no stream to open. */
    public void openInTimeline(CausationItem node) {
        if (node.isEvent()) {
            timelineOpener.accept(node.position());
        }
    }

    public ObjectProperty<EventRow> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<EventDetail> detail() {
        return detail.detail();
    }

    /** A row the view should select and scroll to, set by {@link #reveal(long)}. */
    public ReadOnlyObjectProperty<Integer> revealedRow() {
        return revealedRow.getReadOnlyProperty();
    }

    /** The causation tree of the followed correlation, shown beside the log. */
    public CausationTreeViewModel causation() {
        return causation;
    }

    // Commands.

    /**
     * Lists a correlation's events and builds its causation tree: the command from the journal
     * (rejected ones too) at the root, every event and reaction under what caused it.
     */
    public void followCorrelation(String correlationId) {
        EventRow from = selected.get();
        followCorrelation(correlationId, from == null ? null : from.summary().get() == null ? null
                : from.summary().get().eventId());
    }

    /** Like {@link #followCorrelation(String)}, selecting the tree node of a command or event id. */
    public void followCorrelation(String correlationId, String focusId) {
        filterByCorrelation(correlationId);
        var engine = workspace.engine();
        if (engine == null) {
            return;
        }
        causation.build(engine, correlationId, focusId);
    }

    public void applyFilter() {
        EventFilter filter;
        try {
            filter = inputs.build();
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set("");
        EventStore store = workspace.eventStore();
        if (store == null) {
            return;
        }
        tail.stop();
        int gen = ++generation;
        if (scan != null) {
            scan.cancel();
        }
        filtering.set(true);
        filterStarted = System.nanoTime();
        String title = filter.matchesEverything() ? null : "Filtering events";
        scan = tasks.run(title, progress -> FilteredLog.scan(store, filter), found -> {
            if (gen == generation) {
                show(store, filter, found);
            }
        });
        scan.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> filtering.set(false));
    }

    public void clearFilter() {
        if (!inputs.clear()) {
            applyFilter();
        }
    }

    /** Shows every event of a correlation. */
    public void filterByCorrelation(String id) {
        inputs.clearQuietly();
        inputs.correlationId().set(id);
        applyFilter();
    }

    /** Selects the event at a global position, clearing the filter when it hides that event. */
    public void reveal(long position) {
        if (filtering.get()) {
            pendingReveal = position; // the list being made shows it when it arrives
            return;
        }
        if (list != null && list.rowOf(position) >= 0) {
            select(list.rowOf(position));
            return;
        }
        pendingReveal = position;
        inputs.clearQuietly();
        applyFilter();
    }

    /** Stops the live tail; called when the window closes. */
    public void close() {
        tail.stop();
    }

    private void select(int row) {
        revealedRow.set(null);
        revealedRow.set(row);
    }

    private void show(EventStore store, EventFilter filter, FilteredLog.Found found) {
        LOG.info("{} rows match {} ({} ms)", found.positions().size(), filter, elapsedMs());
        activeFilter = filter;
        list = new EventRowList(found.positions(), FilteredLog.pages(tasks, store, filter, found.positions(), firstRowsLogged(store)));
        selected.set(null);
        rows.set(list);
        filtering.set(false);
        updateMatches();
        tail.start(store, filter, found.head() + 1, list,
                batch -> knownTypes.add(batch.stream().map(EventSummary::eventType).toList()), this::updateMatches);
        if (pendingReveal > 0) {
            int row = list.rowOf(pendingReveal);
            pendingReveal = 0;
            if (row >= 0) {
                select(row);
            }
        }
    }

    /** Every page's types join the picker; the first page is logged with its delay and starts the type sample. */
    private Consumer<List<EventSummary>> firstRowsLogged(EventStore store) {
        boolean[] first = {true};
        return page -> {
            if (first[0]) {
                first[0] = false;
                LOG.info("First rows shown {} ms after the filter was applied", elapsedMs());
                knownTypes.sampleOnce(store);
            }
            knownTypes.add(page.stream().map(EventSummary::eventType).collect(Collectors.toSet()));
        };
    }

    private long elapsedMs() {
        return (System.nanoTime() - filterStarted) / 1_000_000;
    }

    private void updateMatches() {
        String n = NumberFormat.getIntegerInstance(Locale.US).format(list.size());
        if (activeFilter.matchesEverything()) {
            matches.set(n + (list.size() == 1 ? " event" : " events"));
        } else {
            matches.set(n + (list.size() == 1 ? " match" : " matches"));
        }
    }

    private void storeChanged() {
        tail.stop();
        causation.clear();
        knownTypes.clear();
        detail.clear();
        if (workspace.eventStore() != null) {
            applyFilter();
        }
    }
}
