package io.eventscope.app.timeline;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.EventAt;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.StoreSession;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.timeline.Blame;
import io.eventscope.engine.timeline.Breakpoint;
import io.eventscope.engine.timeline.Condition;
import io.eventscope.engine.timeline.ConditionSyntaxException;
import io.eventscope.engine.timeline.Frame;
import io.eventscope.engine.timeline.PlaybackSchedule;
import io.eventscope.engine.timeline.StreamSearch;
import io.eventscope.engine.timeline.StreamTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The replay scrubber over one stream: which version is shown, its state with the fields the
 * event changed, the diff, the event list, playback with breakpoints, and blame. Every state is
 * computed in a background task; at most one frame is computed at a time and the newest request
 * wins, so dragging the slider or playing at 16x drops frames instead of queueing them.
 */
public final class TimelineViewModel {
    private static final int PAGE = 1000;
    private static final int SUGGESTIONS = 12;
    private static final int SHIFT_STEP = 10;

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Player player = new Player(this::playbackDue);
    private final CorrelationViewModel correlation;

    private final StringProperty streamQuery = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper streamId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper streamError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper foldedBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper length = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper shownVersion = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<StateNode> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper eventTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eventCorrelation = new ReadOnlyStringWrapper("");
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
    private final ObservableList<EventItem> events = FXCollections.observableArrayList();
    private final ObservableList<String> eventTypes = FXCollections.observableArrayList();

    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty realTime = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final ObservableList<Breakpoint> breakpoints = FXCollections.observableArrayList();
    private final StringProperty conditionText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper conditionError = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper blamePath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blameSummary = new ReadOnlyStringWrapper("Select a field of the state to blame it");
    private final ObservableList<BlameRow> blameRows = FXCollections.observableArrayList();

    private volatile List<StreamInfo> knownStreams = List.of();
    private BiConsumer<String, Long> whatIfOpener = (stream, version) -> { };
    private StreamTimeline timeline;
    private int generation;
    private final NewestRequestWins<Long, Shown> frames;
    private int blameGeneration;

    public TimelineViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.correlation = new CorrelationViewModel(workspace, tasks);
        this.frames = new NewestRequestWins<>(tasks, this::frameWork, (version, shown) -> apply(shown));
        speed.addListener((obs, old, now) -> restartPlayback());
        realTime.addListener((obs, old, now) -> restartPlayback());
        workspace.session().addListener((obs, old, now) -> sessionChanged(now));
        sessionChanged(workspace.session().get());
    }

    // ---- stream ----

    /** Opens a stream at its last version. */
    public void openStream(String id) {
        openStream(id, Long.MAX_VALUE);
    }

    /** Opens a stream at a version ("Open in Timeline" from the Events view or a causation node). */
    public void openStream(String id, long version) {
        Engine engine = workspace.engine();
        String wantedId = id == null ? "" : id.trim();
        if (engine == null || wantedId.isEmpty()) {
            streamError.set(engine == null ? "No store is open" : "Type a stream id");
            return;
        }
        int gen = reset();
        streamQuery.set(wantedId);
        EventStore store = engine.store();
        TimeTravel timeTravel = engine.timeTravel();
        tasks.run("Opening stream " + wantedId, progress -> loadStream(store, timeTravel, wantedId, progress), opened -> {
            if (gen != generation) {
                return;
            }
            if (opened.error() != null) {
                streamError.set(opened.error());
                return;
            }
            streamId.set(wantedId);
            foldedBy.set(opened.foldedBy() == null ? "generic JSON merge (no decider)" : opened.foldedBy() + " decider");
            events.setAll(opened.events());
            eventTypes.setAll(new TreeSet<>(opened.events().stream().map(EventItem::eventType).toList()));
            length.set(opened.events().size());
            timeline = new StreamTimeline(timeTravel, wantedId);
            show(Math.max(0, Math.min(version, length.get())));
        });
    }

    /** Opens the stream of the event at a global position, at that event ("Open in Timeline" from the Events view). */
    public void openEvent(long position) {
        EventStore store = workspace.eventStore();
        if (store == null) {
            return;
        }
        tasks.run(progress -> store.eventAt(position), found -> found.ifPresentOrElse(
                e -> openStream(e.streamId(), e.version()), () -> streamError.set(EventAt.none(position))));
    }

    private record Opened(List<EventItem> events, String foldedBy, String error) {
    }

    private static Opened loadStream(EventStore store, TimeTravel timeTravel, String id,
                                     BackgroundWork.Progress progress) {
        long total = store.streamVersion(id);
        if (total == 0) {
            return new Opened(List.of(), null, "No stream '" + id + "' in this store");
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
        return new Opened(items, timeTravel.stateAt(id, total).foldedBy(), null);
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

    // ---- moving through versions ----

    public void first() {
        jumpTo(0);
    }

    public void previous() {
        stepBy(-1);
    }

    public void next() {
        stepBy(1);
    }

    public void last() {
        jumpTo(length.get());
    }

    /** Moves by {@code delta} versions from the one asked for last, within 0..length. */
    public void stepBy(long delta) {
        jumpTo(position.get() + delta);
    }

    /** Ten back (Shift+Left). */
    public void bigPrevious() {
        stepBy(-SHIFT_STEP);
    }

    /** Ten on (Shift+Right). */
    public void bigNext() {
        stepBy(SHIFT_STEP);
    }

    /** Shows a version (clamped to the stream); a person's jump pauses playback. */
    public void jumpTo(long version) {
        if (timeline == null) {
            return;
        }
        pause();
        status.set("");
        show(Math.max(0, Math.min(version, length.get())));
    }

    private void show(long version) {
        position.set(version);
        frames.request(version);
    }

    /** Playing forwards, the frames in between are checked for breakpoints; else the frame is read directly. */
    private BackgroundWork<Shown> frameWork(long to) {
        StreamTimeline t = timeline;
        long from = shownVersion.get();
        boolean play = player.isPlaying() && from >= 0 && to > from;
        List<Breakpoint> stops = List.copyOf(breakpoints);
        return progress -> {
            StreamTimeline.Stop stop = play ? t.advance(from, to, stops) : new StreamTimeline.Stop(t.at(to), null);
            Frame frame = stop.frame();
            return new Shown(frame, stop.hit(), StateNode.of(frame.state(), frame.changedPaths()), ChangeRow.of(frame));
        };
    }

    private record Shown(Frame frame, Breakpoint hit, StateNode tree, List<ChangeRow> rows) {
    }

    private void apply(Shown shown) {
        Frame frame = shown.frame();
        shownVersion.set(frame.version());
        state.set(shown.tree());
        changes.setAll(shown.rows());
        eventTitle.set(frame.event() == null ? "v0 · initial state"
                : "v" + frame.version() + " · " + frame.event().eventType() + " · "
                + EventItem.of(frame.event()).time());
        eventCorrelation.set(frame.event() == null || frame.event().correlationId() == null
                ? "" : frame.event().correlationId());
        if (shown.hit() != null) {
            pause();
            frames.settle(frame.version());
            position.set(frame.version());
            status.set("Stopped at v" + frame.version() + ": " + shown.hit().describe());
        } else if (player.isPlaying() && frame.version() >= length.get()) {
            pause();
            status.set("Reached the end");
        }
    }

    // ---- playback ----

    /** Space: plays from the shown version (from the start when at the end), or pauses. */
    public void togglePlay() {
        if (player.isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (timeline == null || length.get() == 0) {
            return;
        }
        status.set("");
        if (position.get() >= length.get()) {
            show(0);
        }
        player.play(speed.get(), realTime.get(), position.get(), timestamps());
    }

    public void pause() {
        player.stop();
    }

    private void restartPlayback() {
        if (player.isPlaying()) {
            player.play(speed.get(), realTime.get(), position.get(), timestamps());
        }
    }

    private List<Instant> timestamps() {
        return events.stream().map(EventItem::timestamp).toList();
    }

    private void playbackDue(long version) {
        if (version > position.get()) {
            show(version);
        }
    }

    // ---- breakpoints ----

    public void addTypeBreakpoint(String eventType) {
        if (eventType != null && !eventType.isBlank()) {
            addBreakpoint(Breakpoint.onType(eventType.trim()));
        }
    }

    /** Adds the condition typed in {@link #conditionText()}; a bad one sets {@link #conditionError()} instead. */
    public boolean addConditionBreakpoint() {
        try {
            addBreakpoint(Breakpoint.when(Condition.parse(conditionText.get())));
            conditionError.set("");
            conditionText.set("");
            return true;
        } catch (ConditionSyntaxException e) {
            conditionError.set(e.getMessage());
            return false;
        }
    }

    private void addBreakpoint(Breakpoint breakpoint) {
        boolean known = breakpoints.stream().anyMatch(b -> b.describe().equals(breakpoint.describe()));
        if (!known) {
            breakpoints.add(breakpoint);
        }
    }

    public void removeBreakpoint(Breakpoint breakpoint) {
        breakpoints.remove(breakpoint);
    }

    // ---- blame ----

    /** Finds the events that changed the field at {@code pointer}, up to the shown version. */
    public void blame(String pointer) {
        Engine engine = workspace.engine();
        if (timeline == null || engine == null || pointer == null) {
            return;
        }
        int gen = ++blameGeneration;
        String id = streamId.get();
        long upTo = shownVersion.get();
        String field = pointer.isEmpty() ? "the whole state" : pointer;
        blamePath.set(field);
        blameSummary.set("Looking for the events that changed " + field + "…");
        blameRows.clear();
        tasks.run("Blaming " + field, progress -> Blame.of(engine.timeTravel(), id, pointer, upTo, (done, total) -> {
            progress.update(done, total);
            return !progress.isCancelled();
        }), blame -> {
            if (gen != blameGeneration) {
                return;
            }
            blameRows.setAll(blame.changes().stream().map(BlameRow::of).toList());
            blameSummary.set(blame.last().map(c -> (c.removed() ? "Removed by v" : "Set by v") + c.event().version()
                            + " " + c.event().eventType() + " · " + blameRows.size()
                            + (blameRows.size() == 1 ? " change" : " changes") + " up to v" + upTo)
                    .orElse("No event up to v" + upTo + " changed " + field));
        });
    }

    // ---- store changes ----

    private void sessionChanged(StoreSession session) {
        reset();
        streamQuery.set("");
        // Read lazily, when the search box gets focus: listing every stream of a large store
        // costs seconds and would slow the first rows of the Events view on opening.
        knownStreams = List.of();
    }

    /** Forgets the shown stream; returns the new generation, which outdates every pending result. */
    private int reset() {
        pause();
        timeline = null;
        streamId.set("");
        streamError.set("");
        foldedBy.set("");
        status.set("");
        events.clear();
        eventTypes.clear();
        changes.clear();
        length.set(0);
        position.set(0);
        shownVersion.set(-1);
        state.set(null);
        eventTitle.set("");
        eventCorrelation.set("");
        blamePath.set("");
        blameRows.clear();
        blameGeneration++;
        frames.forget();
        return ++generation;
    }

    // ---- properties ----

    public CorrelationViewModel correlation() {
        return correlation;
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

    public ReadOnlyLongProperty length() {
        return length.getReadOnlyProperty();
    }

    /** The version asked for (the slider follows it); the state shown catches up in {@link #shownVersion()}. */
    public ReadOnlyLongProperty position() {
        return position.getReadOnlyProperty();
    }

    /** The version whose state is on screen, -1 before any. */
    public ReadOnlyLongProperty shownVersion() {
        return shownVersion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StateNode> state() {
        return state.getReadOnlyProperty();
    }

    /** "v12 · OrderPaid · 2026-01-01 10:00:00.000". */
    public ReadOnlyStringProperty eventTitle() {
        return eventTitle.getReadOnlyProperty();
    }

    /** The shown event's correlation ID, empty when none. */
    public ReadOnlyStringProperty eventCorrelation() {
        return eventCorrelation.getReadOnlyProperty();
    }

    public ObservableList<ChangeRow> changes() {
        return changes;
    }

    public ObservableList<EventItem> events() {
        return events;
    }

    /** The event types of the stream, for type breakpoints. */
    public ObservableList<String> eventTypes() {
        return eventTypes;
    }

    public ReadOnlyBooleanProperty playing() {
        return player.playing();
    }

    /** Playback speed, {@link PlaybackSchedule#MIN_SPEED} to {@link PlaybackSchedule#MAX_SPEED}. */
    public DoubleProperty speed() {
        return speed;
    }

    public List<Double> speeds() {
        return PlaybackSchedule.SPEEDS;
    }

    /** Follow the events' timestamps (long gaps capped) instead of a steady pace. */
    public BooleanProperty realTime() {
        return realTime;
    }

    /** Why playback stopped, when a breakpoint or the end stopped it. */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Breakpoint> breakpoints() {
        return breakpoints;
    }

    public StringProperty conditionText() {
        return conditionText;
    }

    /** What is wrong with the condition typed, with a caret under the spot; empty when fine. */
    public ReadOnlyStringProperty conditionError() {
        return conditionError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty blamePath() {
        return blamePath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty blameSummary() {
        return blameSummary.getReadOnlyProperty();
    }

    public ObservableList<BlameRow> blameRows() {
        return blameRows;
    }

    /** Where "What if…" forks: the stream and version shown. */
    public void setWhatIfOpener(BiConsumer<String, Long> opener) {
        whatIfOpener = opener;
    }

    /** Forks the past at the version shown (the What if window). */
    public void whatIf() {
        pause();
        whatIfOpener.accept(streamId.get(), shownVersion.get());
    }

    public void close() {
        pause();
        correlation.close();
    }
}
