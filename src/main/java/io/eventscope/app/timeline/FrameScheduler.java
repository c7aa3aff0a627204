package io.eventscope.app.timeline;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.timeline.Breakpoint;
import io.eventscope.engine.timeline.Frame;
import io.eventscope.engine.timeline.StreamTimeline;
import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Frame scheduling over the open stream: which version is asked for, which one is shown, its
 * state with the fields the event changed, and the diff. Every frame is computed in a
 * background task; at most one at a time and the newest request wins, so dragging the slider
 * or playing at 16x drops frames instead of queueing them.
 */
public final class FrameScheduler {

    /** Told on the FX thread after each frame is shown; {@code hit} is the breakpoint that stopped an advance, or null. */
    @FunctionalInterface
    interface FrameShown {
        void shown(long version, Breakpoint hit);
    }

    private final ReadOnlyLongWrapper length = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper shownVersion = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<StateNode> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper eventTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper eventCorrelation = new ReadOnlyStringWrapper("");
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();

    private final NewestRequestWins<Wish, Shown> frames;
    private FrameShown frameShown = (version, hit) -> { };
    private StreamTimeline timeline;

    FrameScheduler(TaskExecutor tasks) {
        this.frames = new NewestRequestWins<>(tasks, this::frameWork, (wish, shown) -> apply(shown));
    }

    /** A version asked for; advancing checks the frames in between against {@code stops}. */
    private record Wish(long version, List<Breakpoint> stops) {
    }

    private record Shown(Frame frame, Breakpoint hit, StateNode tree, List<ChangeRow> rows) {
    }

    void onFrameShown(FrameShown listener) {
        frameShown = listener;
    }

    void open(StreamTimeline opened, long streamLength, long version) {
        timeline = opened;
        length.set(streamLength);
        show(version);
    }

    boolean isOpen() {
        return timeline != null;
    }

    /** Shows a version (clamped to the stream) directly. */
    void show(long version) {
        request(version, List.of());
    }

    /** Shows a later version, stopping at the first frame in between where a breakpoint holds. */
    void advance(long version, List<Breakpoint> stops) {
        request(version, stops);
    }

    private void request(long version, List<Breakpoint> stops) {
        long clamped = Math.max(0, Math.min(version, length.get()));
        position.set(clamped);
        frames.request(new Wish(clamped, List.copyOf(stops)));
    }

    private BackgroundWork<Shown> frameWork(Wish wish) {
        StreamTimeline t = timeline;
        long from = shownVersion.get();
        long to = wish.version();
        boolean advancing = !wish.stops().isEmpty() && from >= 0 && to > from;
        return progress -> {
            StreamTimeline.Stop stop = advancing ? t.advance(from, to, wish.stops()) : new StreamTimeline.Stop(t.at(to), null);
            Frame frame = stop.frame();
            return new Shown(frame, stop.hit(), StateNode.of(frame.state(), frame.changedPaths()), ChangeRow.of(frame));
        };
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
            frames.settle(new Wish(frame.version(), List.of()));
            position.set(frame.version());
        }
        frameShown.shown(frame.version(), shown.hit());
    }

    /** Forgets the stream; a frame still being computed is never shown. */
    void clear() {
        timeline = null;
        changes.clear();
        length.set(0);
        position.set(0);
        shownVersion.set(-1);
        state.set(null);
        eventTitle.set("");
        eventCorrelation.set("");
        frames.forget();
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
}
