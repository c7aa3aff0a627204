package io.eventscope.app.timeline;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.EventAt;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.timeline.StreamSearch;
import io.eventscope.engine.timeline.StreamTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Loading a stream into the Timeline: the search box and its completions, the stream's events,
 * what folds it, and why it could not be opened.
 */
public final class StreamViewModel {
    private static final int PAGE = 1000;
    private static final int SUGGESTIONS = 12;

    /** Told on the FX thread when a stream has loaded. */
    @FunctionalInterface
    interface Opened {
        void opened(StreamTimeline timeline, long length, long version);
    }

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Runnable forgetShown;
    private final Opened opened;

    private final StringProperty streamQuery = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper streamId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper streamError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper foldedBy = new ReadOnlyStringWrapper("");
    private final ObservableList<EventItem> events = FXCollections.observableArrayList();
    private final ObservableList<String> eventTypes = FXCollections.observableArrayList();

    private volatile List<StreamInfo> knownStreams = List.of();
    private int generation;

    /** {@code forgetShown} clears the whole Timeline before a stream opens; {@code opened} shows it. */
    StreamViewModel(Workspace workspace, TaskExecutor tasks, Runnable forgetShown, Opened opened) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.forgetShown = forgetShown;
        this.opened = opened;
    }

    /** Opens a stream at a version (clamped to the stream). */
    public void open(String id, long version) {
        Engine engine = workspace.engine();
        String wantedId = id == null ? "" : id.trim();
        if (engine == null || wantedId.isEmpty()) {
            streamError.set(engine == null ? "No store is open" : "Type a stream id");
            return;
        }
        forgetShown.run();
        int gen = generation;
        streamQuery.set(wantedId);
        EventStore store = engine.store();
        TimeTravel timeTravel = engine.timeTravel();
        tasks.run("Opening stream " + wantedId, progress -> load(store, timeTravel, wantedId, progress), loaded -> {
            if (gen != generation) {
                return;
            }
            if (loaded.error() != null) {
                streamError.set(loaded.error());
                return;
            }
            streamId.set(wantedId);
            foldedBy.set(loaded.foldedBy() == null ? "generic JSON merge (no decider)" : loaded.foldedBy() + " decider");
            events.setAll(loaded.events());
            eventTypes.setAll(new TreeSet<>(loaded.events().stream().map(EventItem::eventType).toList()));
            long length = loaded.events().size();
            opened.opened(new StreamTimeline(timeTravel, wantedId), length, Math.max(0, Math.min(version, length)));
        });
    }

    /** Opens the stream of the event at a global position, at that event. */
    public void openEvent(long position) {
        EventStore store = workspace.eventStore();
        if (store == null) {
            return;
        }
        tasks.run(progress -> store.eventAt(position), found -> found.ifPresentOrElse(
                e -> open(e.streamId(), e.version()), () -> streamError.set(EventAt.none(position))));
    }

    private record Loaded(List<EventItem> events, String foldedBy, String error) {
    }

    private static Loaded load(EventStore store, TimeTravel timeTravel, String id, BackgroundWork.Progress progress) {
        long total = store.streamVersion(id);
        if (total == 0) {
            return new Loaded(List.of(), null, "No stream '" + id + "' in this store");
        }
        List<EventItem> items = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE));
        while (items.size() < total && !progress.isCancelled()) {
            List<EventEnvelope> page = store.readStream(id, items.size() + 1L, PAGE, Direction.FORWARDS);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(e -> items.add(EventItem.of(e)));
            progress.update(items.size(), total);
        }
        // Folding to the end once leaves a checkpoint every few versions: every jump after this is quick.
        progress.message("Folding " + id);
        return new Loaded(items, timeTravel.stateAt(id, total).foldedBy(), null);
    }

    /** Stream ids for the search box: those containing the typed text. Safe on any thread; never reads the store. */
    public List<String> suggest(String typed) {
        return StreamSearch.suggest(knownStreams, typed, SUGGESTIONS).stream().map(StreamInfo::streamId).toList();
    }

    /** Re-reads the list of streams the search box completes from. */
    public void refreshStreams() {
        EventStore store = workspace.eventStore();
        if (store != null) {
            tasks.run(progress -> store.streams(), streams -> knownStreams = List.copyOf(streams));
        }
    }

    /** Forgets the stream; a load still running is never shown. */
    void clear() {
        generation++;
        streamId.set("");
        streamError.set("");
        foldedBy.set("");
        events.clear();
        eventTypes.clear();
    }

    /** Another store: the search box empties and the stream list is read again when it is next used. */
    void storeChanged() {
        streamQuery.set("");
        // Read lazily, when the search box gets focus: listing every stream of a large store
        // costs seconds and would slow the first rows of the Events view on opening.
        knownStreams = List.of();
    }

    /** The search box's text. */
    public StringProperty streamQuery() {
        return streamQuery;
    }

    public ReadOnlyStringProperty streamId() {
        return streamId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty streamError() {
        return streamError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty foldedBy() {
        return foldedBy.getReadOnlyProperty();
    }

    public ObservableList<EventItem> events() {
        return events;
    }

    /** The event types of the stream, for type breakpoints. */
    public ObservableList<String> eventTypes() {
        return eventTypes;
    }
}
