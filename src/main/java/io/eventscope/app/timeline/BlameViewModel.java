package io.eventscope.app.timeline;

import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.timeline.Blame;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Blame: the events that changed one field of the shown state, up to the shown version. */
public final class BlameViewModel {
    private static final String NOTHING_SELECTED = "Select a field of the state to blame it";

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final ReadOnlyStringProperty streamId;
    private final FrameScheduler scrubber;

    private final ReadOnlyStringWrapper blamePath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blameSummary = new ReadOnlyStringWrapper(NOTHING_SELECTED);
    private final ObservableList<BlameRow> blameRows = FXCollections.observableArrayList();
    private int generation;

    BlameViewModel(Workspace workspace, TaskExecutor tasks, ReadOnlyStringProperty streamId, FrameScheduler scrubber) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.streamId = streamId;
        this.scrubber = scrubber;
    }

    /** Finds the events that changed the field at {@code pointer}, up to the shown version. */
    public void blame(String pointer) {
        Engine engine = workspace.engine();
        if (!scrubber.isOpen() || engine == null || pointer == null) {
            return;
        }
        int gen = ++generation;
        String id = streamId.get();
        long upTo = scrubber.shownVersion().get();
        String field = pointer.isEmpty() ? "the whole state" : pointer;
        blamePath.set(field);
        blameSummary.set("Looking for the events that changed " + field + "…");
        blameRows.clear();
        tasks.run("Blaming " + field, progress -> Blame.of(engine.timeTravel(), id, pointer, upTo, (done, total) -> {
            progress.update(done, total);
            return !progress.isCancelled();
        }), blame -> {
            if (gen != generation) {
                return;
            }
            blameRows.setAll(blame.changes().stream().map(BlameRow::of).toList());
            blameSummary.set(blame.last().map(c -> (c.removed() ? "Removed by v" : "Set by v") + c.event().version()
                            + " " + c.event().eventType() + " · " + blameRows.size()
                            + (blameRows.size() == 1 ? " change" : " changes") + " up to v" + upTo)
                    .orElse("No event up to v" + upTo + " changed " + field));
        });
    }

    /** Forgets the blamed field; a blame still running is never shown. */
    void clear() {
        blamePath.set("");
        blameSummary.set(NOTHING_SELECTED);
        blameRows.clear();
        generation++;
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
}
