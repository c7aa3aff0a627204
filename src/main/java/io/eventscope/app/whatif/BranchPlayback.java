package io.eventscope.app.whatif;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.timeline.ChangeRow;
import io.eventscope.app.timeline.Scrubber;
import io.eventscope.app.timeline.ShownFrame;
import io.eventscope.app.timeline.StateNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.timeline.StreamTimeline;
import io.eventscope.engine.whatif.BranchReplay;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Plays the branch like any stream: pick one of its streams, then scrub, step or play through
 * its states as the branch has them, each event's changes marked. Frames are folded in the
 * background, the newest asked for wins.
 */
public final class BranchPlayback {
    private final TaskExecutor tasks;
    private final Scrubber scrubber = new Scrubber(this::show);
    private final ObservableList<String> streams = FXCollections.observableArrayList();
    private final ObjectProperty<String> stream = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StateNode> state = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
    private final NewestRequestWins<Long, ShownFrame> frames;
    private BranchReplay replay;
    private StreamTimeline timeline;
    private int generation;

    BranchPlayback(TaskExecutor tasks) {
        this.tasks = tasks;
        this.frames = new NewestRequestWins<>(tasks, this::frameWork, (version, shown) -> apply(shown));
        stream.addListener((obs, old, now) -> open(now));
    }

    /** Plays this branch from now on, starting on its first stream. */
    void load(BranchReplay branch) {
        clear();
        replay = branch;
        streams.setAll(branch.streams());
        stream.set(streams.isEmpty() ? null : streams.get(0));
    }

    void clear() {
        replay = null;
        stream.set(null);
        streams.clear();
    }

    private void open(String streamId) {
        int gen = ++generation;
        scrubber.clear();
        timeline = null;
        frames.forget();
        title.set("");
        state.set(null);
        changes.clear();
        BranchReplay branch = replay;
        if (branch == null || streamId == null) {
            return;
        }
        tasks.run(progress -> branch.events(streamId).stream().map(EventEnvelope::timestamp).toList(), times -> {
            if (gen == generation) {
                timeline = branch.timeline(streamId);
                scrubber.load(times, times.size());
            }
        });
    }

    private void show(long version) {
        if (timeline != null) {
            frames.request(version);
        }
    }

    private BackgroundWork<ShownFrame> frameWork(long version) {
        StreamTimeline t = timeline;
        return progress -> ShownFrame.of(t.at(version));
    }

    private void apply(ShownFrame shown) {
        title.set(shown.title());
        state.set(shown.state());
        changes.setAll(shown.changes());
    }

    public Scrubber scrubber() {
        return scrubber;
    }

    /** The branch's streams, to pick the one to play. */
    public ObservableList<String> streams() {
        return streams;
    }

    public ObjectProperty<String> stream() {
        return stream;
    }

    /** "v2 · OrderPaid · 2026-01-01 10:00:00.000" of the version shown. */
    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StateNode> state() {
        return state.getReadOnlyProperty();
    }

    public ObservableList<ChangeRow> changes() {
        return changes;
    }
}
