package io.eventscope.app.events;

import io.eventscope.app.EventAt;
import io.eventscope.app.FxBatcher;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.Subscription;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Events browser: the global log as a paged list, the filters that narrow it, the
 * selected event's detail, and the live tail. Every store call runs through the task executor.
 */
public final class EventsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EventsViewModel.class);
    static final int TYPE_SAMPLE = 5_000;

    private final Workspace workspace;
    private final TaskExecutor tasks;

    private final StringProperty stream = new SimpleStringProperty("");
    private final ObservableList<String> selectedTypes = FXCollections.observableArrayList();
    private final StringProperty correlationId = new SimpleStringProperty("");
    private final StringProperty causationId = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> knownTypes = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ObservableList<EventRow>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper matches = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper arrivals = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<EventRow> selected = new SimpleObjectProperty<>();
    private LongConsumer timelineOpener = position -> { };
    private final ReadOnlyObjectWrapper<EventDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> revealedRow = new ReadOnlyObjectWrapper<>();
    private final CausationTreeViewModel causation;

    private EventRowList list;
    private EventFilter activeFilter = EventFilter.ALL;
    private Subscription live;
    private Task<?> scan;
    private boolean typesSampled;
    private int generation;
    private final List<EventSummary> heldEvents = new ArrayList<>();
    private long pendingReveal;
    /** Set while inputs are reset by a command that applies the filter itself. */
    private boolean quiet;
    /** When the running filter was applied, for the "first rows after" log line. */
    private long filterStarted;

    public EventsViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        workspace.session().addListener((obs, old, now) -> storeChanged());
        selectedTypes.addListener((ListChangeListener<String>) c -> {
            if (!quiet) {
                applyFilter();
            }
        });
        paused.addListener((obs, was, now) -> {
            if (!now) {
                releaseHeld();
            }
        });
        selected.addListener((obs, old, now) -> loadDetail(now));
        causation = new CausationTreeViewModel(tasks, this::reveal);
        if (workspace.session().get() != null) {
            storeChanged();
        }
    }

    // Filter inputs, bound by the view.

    public StringProperty stream() {
        return stream;
    }

    public ObservableList<String> selectedTypes() {
        return selectedTypes;
    }

    public StringProperty correlationId() {
        return correlationId;
    }

    public StringProperty causationId() {
        return causationId;
    }

    public StringProperty from() {
        return from;
    }

    public StringProperty to() {
        return to;
    }

    public StringProperty text() {
        return text;
    }

    /** Event types seen in the store, for the type picker. */
    public ObservableList<String> knownTypes() {
        return knownTypes;
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
        return paused;
    }

    public ReadOnlyIntegerProperty held() {
        return held.getReadOnlyProperty();
    }

    /** Counts batches of live events added to the table, so the view can follow the tail. */
    public ReadOnlyIntegerProperty arrivals() {
        return arrivals.getReadOnlyProperty();
    }

    /** Where "Open in Timeline" goes (an event's position); the workbench connects it to the Timeline view. */
    public void setTimelineOpener(LongConsumer opener) {
        timelineOpener = opener;
    }

    public void openInTimeline(EventSummary event) {
        timelineOpener.accept(event.position());
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
        return detail.getReadOnlyProperty();
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
            filter = buildFilter();
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set("");
        EventStore store = workspace.eventStore();
        if (store == null) {
            return;
        }
        stopLive();
        int gen = ++generation;
        if (scan != null) {
            scan.cancel();
        }
        filtering.set(true);
        filterStarted = System.nanoTime();
        String title = filter.matchesEverything() ? null : "Filtering events";
        scan = tasks.run(title, progress -> scan(store, filter), found -> {
            if (gen == generation) {
                show(store, filter, found);
            }
        });
        scan.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> filtering.set(false));
    }

    public void clearFilter() {
        stream.set("");
        correlationId.set("");
        causationId.set("");
        from.set("");
        to.set("");
        text.set("");
        if (selectedTypes.isEmpty()) {
            applyFilter();
        } else {
            selectedTypes.clear();
        }
    }

    /** Shows every event of a correlation. */
    public void filterByCorrelation(String id) {
        clearInputsQuietly();
        correlationId.set(id);
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
        clearInputsQuietly();
        applyFilter();
    }

    /** Stops the live tail; called when the window closes. */
    public void close() {
        stopLive();
    }

    private void clearInputsQuietly() {
        stream.set("");
        correlationId.set("");
        causationId.set("");
        from.set("");
        to.set("");
        text.set("");
        quiet = true;
        selectedTypes.clear();
        quiet = false;
    }

    private void select(int row) {
        revealedRow.set(null);
        revealedRow.set(row);
    }

    EventFilter buildFilter() {
        String pattern = stream.get().trim();
        if (!pattern.isEmpty() && pattern.indexOf('*') < 0) {
            pattern = pattern + "*"; // a plain stream text is a prefix
        }
        Instant fromTime = TimeInput.parse("From", from.get());
        Instant toTime = TimeInput.parse("To", to.get());
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new IllegalArgumentException("From must be before To");
        }
        return new EventFilter(pattern, Set.copyOf(selectedTypes), correlationId.get(), causationId.get(),
                fromTime, toTime, text.get());
    }

    private record Found(RowPositions positions, long head) {
    }

    /** Unfiltered, only the head is needed; filtered, every matching position up to the head, from the store's indexes. */
    private static Found scan(EventStore store, EventFilter filter) {
        long head = store.headPosition();
        if (filter.matchesEverything()) {
            return new Found(RowPositions.contiguous(head), head);
        }
        long[] matching = store.positions(filter, 1, head);
        return new Found(RowPositions.listed(matching, matching.length), head);
    }

    private void show(EventStore store, EventFilter filter, Found found) {
        LOG.info("{} rows match {} ({} ms)", found.positions().size(), filter, elapsedMs());
        activeFilter = filter;
        list = new EventRowList(found.positions(), pageLoader(store, filter, found.positions()));
        heldEvents.clear();
        held.set(0);
        selected.set(null);
        rows.set(list);
        filtering.set(false);
        updateMatches();
        startLive(store, filter, found.head() + 1);
        if (pendingReveal > 0) {
            int row = list.rowOf(pendingReveal);
            pendingReveal = 0;
            if (row >= 0) {
                select(row);
            }
        }
    }

    /** Filtered, a page is read by the positions its rows show: no filter runs again. */
    private EventRowList.PageLoader pageLoader(EventStore store, EventFilter filter, RowPositions positions) {
        boolean[] first = {true};
        return (fromPosition, count, onLoaded, onFailed) -> {
            long asked = System.nanoTime();
            long[] shown = filter.matchesEverything() ? null : positions.slice(fromPosition, count);
            Task<List<EventSummary>> page = tasks.run(
                    progress -> (shown == null ? store.read(filter, fromPosition, count, Direction.FORWARDS)
                            : store.eventsAt(shown)).stream().map(EventSummary::of).toList(),
                    rows -> {
                        if (first[0]) {
                            first[0] = false;
                            LOG.info("First rows shown {} ms after the table asked for them ({} ms after the filter"
                                    + " was applied)", (System.nanoTime() - asked) / 1_000_000, elapsedMs());
                            sampleTypesOnce(store);
                        }
                        addKnownTypes(rows.stream().map(EventSummary::eventType).collect(Collectors.toSet()));
                        onLoaded.accept(rows);
                    });
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> onFailed.run());
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> onFailed.run());
        };
    }

    private long elapsedMs() {
        return (System.nanoTime() - filterStarted) / 1_000_000;
    }

    private void startLive(EventStore store, EventFilter filter, long fromPosition) {
        int gen = generation;
        FxBatcher<EventSummary> batcher = new FxBatcher<>(batch -> arrived(gen, batch));
        Predicate<EventEnvelope> matches = filter.predicate();
        live = store.subscribe(fromPosition, e -> {
            if (matches.test(e)) {
                batcher.add(EventSummary.of(e));
            }
        });
    }

    private void stopLive() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    private void arrived(int gen, List<EventSummary> batch) {
        if (gen != generation) {
            return;
        }
        addKnownTypes(batch.stream().map(EventSummary::eventType).toList());
        if (paused.get()) {
            heldEvents.addAll(batch);
            held.set(heldEvents.size());
            return;
        }
        list.append(batch);
        updateMatches();
        arrivals.set(arrivals.get() + 1);
    }

    private void releaseHeld() {
        if (list == null || heldEvents.isEmpty()) {
            return;
        }
        list.append(List.copyOf(heldEvents));
        heldEvents.clear();
        held.set(0);
        updateMatches();
        arrivals.set(arrivals.get() + 1);
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
        stopLive();
        causation.clear();
        knownTypes.clear();
        typesSampled = false;
        detail.set(null);
        EventStore store = workspace.eventStore();
        if (store == null) {
            return;
        }
        applyFilter();
    }

    /**
     * The types at both ends of the log. The store has no list of its types and reading a
     * million events for one costs seconds of CPU, so the picker starts from this sample and
     * grows with every page read and every event that arrives.
     */
    private static Set<String> sampleTypes(EventStore store) {
        Set<String> types = new HashSet<>();
        store.read(EventFilter.ALL, 1, TYPE_SAMPLE, Direction.FORWARDS).forEach(e -> types.add(e.eventType()));
        store.read(EventFilter.ALL, Long.MAX_VALUE, TYPE_SAMPLE, Direction.BACKWARDS)
                .forEach(e -> types.add(e.eventType()));
        return types;
    }

    /** After the first rows are shown, so the sample never delays them. */
    private void sampleTypesOnce(EventStore store) {
        if (!typesSampled) {
            typesSampled = true;
            tasks.run(progress -> sampleTypes(store), types -> {
                if (workspace.eventStore() == store) {
                    addKnownTypes(types);
                }
            });
        }
    }

    private void addKnownTypes(Collection<String> types) {
        TreeSet<String> merged = new TreeSet<>(knownTypes);
        if (merged.addAll(types)) {
            knownTypes.setAll(merged);
        }
    }

    private void loadDetail(EventRow row) {
        if (row == null) {
            detail.set(null);
            return;
        }
        EventStore store = workspace.eventStore();
        long position = row.position();
        Consumer<EventDetail> show = d -> {
            EventRow now = selected.get();
            if (now != null && now.position() == position) {
                detail.set(d);
            }
        };
        tasks.run(progress -> EventDetail.of(EventAt.read(store, position)), show);
    }
}
