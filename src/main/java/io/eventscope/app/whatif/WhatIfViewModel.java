package io.eventscope.app.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TaskMonitor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.whatif.BranchReplay;
import io.eventscope.engine.whatif.Change;
import io.eventscope.engine.whatif.Fork;
import io.eventscope.engine.whatif.SagaReactions;
import io.eventscope.engine.whatif.Scope;
import io.eventscope.engine.whatif.StateComparison;
import io.eventscope.engine.whatif.Verdict;
import io.eventscope.engine.whatif.WhatIf;
import io.eventscope.engine.whatif.WhatIfResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What if: fork the past at an event of a stream, change it (skip it, edit its data, insert a
 * command after it), and see every later command of the scope decided again, side by side
 * with what happened, and the final states both ways. The fork is worked out in a background
 * task that can be cancelled; the store is never written.
 */
public final class WhatIfViewModel {
    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final List<AggregateType<?, ?, ?>> types;
    private final SagaReactions reactions;

    private final ReadOnlyStringWrapper forkTitle = new ReadOnlyStringWrapper("Pick an event in the Timeline and press What if…");
    private final ObjectProperty<ChangeKind> change = new SimpleObjectProperty<>(ChangeKind.SKIP);
    private final StringProperty editedData = new SimpleStringProperty("");
    private final StringProperty insertType = new SimpleStringProperty("");
    private final StringProperty insertPayload = new SimpleStringProperty("{}");
    private final BooleanProperty wholeCorrelation = new SimpleBooleanProperty(true);
    private final StringProperty streams = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<OutcomeRow> outcomes = FXCollections.observableArrayList();
    private final ObservableList<StateRow> states = FXCollections.observableArrayList();
    private final BranchPlayback playback;

    private EventEnvelope forkEvent;
    private AtomicBoolean cancel = new AtomicBoolean();

    public WhatIfViewModel(Workspace workspace, TaskExecutor tasks, List<AggregateType<?, ?, ?>> types,
                           SagaReactions reactions) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.types = List.copyOf(types);
        this.reactions = reactions;
        this.playback = new BranchPlayback(tasks);
        workspace.session().addListener((obs, old, now) -> forget());
    }

    /** Sets the fork point: the event at {@code version} of the stream (the Timeline's current one). */
    public void forkAt(String streamId, long version) {
        Engine engine = workspace.engine();
        forget();
        if (engine == null || streamId == null || streamId.isBlank() || version < 1) {
            error.set("Pick an event to fork at: open a stream in the Timeline and move to version 1 or later");
            return;
        }
        tasks.run(progress -> {
            List<EventEnvelope> found = engine.store().readStream(streamId, version, 1, Direction.FORWARDS);
            EventEnvelope event = found.isEmpty() ? null : found.get(0);
            String data = event == null ? "" : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event.data());
            return new ForkPoint(event, data);
        }, found -> {
            EventEnvelope event = found.event();
            if (event == null) {
                error.set("No version " + version + " in stream " + streamId);
                return;
            }
            forkEvent = event;
            forkTitle.set("Fork at " + streamId + " v" + version + " · " + event.eventType() + " · position "
                    + event.position());
            editedData.set(found.prettyData());
            streams.set(streamId);
        });
    }

    private record ForkPoint(EventEnvelope event, String prettyData) {
    }

    /** Builds the branch in the background and shows the outcome. */
    public void run() {
        Engine engine = workspace.engine();
        if (engine == null || forkEvent == null) {
            error.set("Pick an event to fork at first");
            return;
        }
        EventEnvelope at = forkEvent;
        ChangeKind kind = change.get();
        String data = editedData.get();
        String commandType = insertType.get();
        String payload = insertPayload.get();
        Set<String> chosen = Arrays.stream(streams.get().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        boolean correlation = wholeCorrelation.get() && at.correlationId() != null;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        error.set("");
        summary.set("");
        outcomes.clear();
        states.clear();
        playback.clear();
        running.set(true);
        WhatIf whatIf = new WhatIf(engine.store(), engine.journal(), types, reactions);
        tasks.run("What if at position " + at.position(), progress -> {
            try {
                Change changed = change(kind, at, data, commandType, payload);
                Scope scope = correlation ? Scope.correlation(at.correlationId()) : Scope.streams(chosen);
                WhatIfResult result = whatIf.run(new Fork(at.position(), scope, changed),
                        new TaskMonitor(progress, cancelled));
                return Computed.of(result, new BranchReplay(result, types));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return Computed.failed(e.getMessage());
            } catch (CancellationException e) {
                return Computed.failed("Cancelled");
            }
        }, shown -> {
            running.set(false);
            if (shown.error() != null) {
                error.set(shown.error());
                return;
            }
            outcomes.setAll(shown.outcomes());
            states.setAll(shown.states());
            summary.set(shown.summary());
            playback.load(shown.replay());
        });
    }

    /** Asks the running fork to stop at its next command. */
    public void cancel() {
        cancel.set(true);
        running.set(false);
    }

    private static Change change(ChangeKind kind, EventEnvelope at, String data, String commandType, String payload) {
        switch (kind) {
            case SKIP:
                return new Change.Skip(at.eventId());
            case EDIT:
                return new Change.Replace(at.eventId(), parse(data, "the edited data"));
            case INSERT:
                return new Change.Insert(CommandEnvelope.of(commandType.trim(), parse(payload, "the command"), null,
                        at.correlationId()));
            default:
                return new Change.Keep();
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return Json.parse(text);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getCause().getMessage(), e);
        }
    }

    /** The rows of a result, or why there is none. */
    private record Computed(List<OutcomeRow> outcomes, List<StateRow> states, String summary, BranchReplay replay,
                            String error) {
        static Computed failed(String error) {
            return new Computed(List.of(), List.of(), "", null, error);
        }

        static Computed of(WhatIfResult result, BranchReplay replay) {
            List<StateRow> rows = new ArrayList<>();
            for (StateComparison s : result.states()) {
                rows.addAll(WhatIfRows.states(s));
            }
            long changed = result.outcomes().stream().filter(o -> o.verdict() != Verdict.SAME).count();
            String summary = result.redecided()
                    ? result.outcomes().size() + " commands decided again, " + changed + " came out otherwise"
                    + (result.differs() ? "" : ": the branch is the same as what happened")
                    : "No commands to re-decide.";
            if (!result.notes().isEmpty()) {
                summary += " " + String.join(" ", result.notes());
            }
            return new Computed(result.outcomes().stream().map(WhatIfRows::outcome).toList(), rows, summary, replay,
                    null);
        }
    }

    private void forget() {
        forkEvent = null;
        outcomes.clear();
        states.clear();
        playback.clear();
        summary.set("");
        error.set("");
    }

    public ReadOnlyStringProperty forkTitle() {
        return forkTitle.getReadOnlyProperty();
    }

    public ObjectProperty<ChangeKind> change() {
        return change;
    }

    public StringProperty editedData() {
        return editedData;
    }

    public StringProperty insertType() {
        return insertType;
    }

    public StringProperty insertPayload() {
        return insertPayload;
    }

    public BooleanProperty wholeCorrelation() {
        return wholeCorrelation;
    }

    public StringProperty streams() {
        return streams;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ObservableList<OutcomeRow> outcomes() {
        return outcomes;
    }

    public ObservableList<StateRow> states() {
        return states;
    }

    /** The branch, played like any stream. */
    public BranchPlayback playback() {
        return playback;
    }
}
