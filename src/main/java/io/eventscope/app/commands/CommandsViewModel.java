package io.eventscope.app.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.app.Navigation;
import io.eventscope.app.StoreSession;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.shop.form.CommandSpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.WorkerStateEvent;

/**
 * The Commands view: pick a command, fill its form, submit it to the engine off the FX thread,
 * read the outcome, and browse the journal of every command handled, accepted or not.
 */
public final class CommandsViewModel {
    private static final int HISTORY_SIZE = 200;
    private static final String DEFAULT_USER = "workbench";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Workspace workspace;
    private final TaskExecutor tasks;
    private final Navigation navigation;
    private final EventsViewModel events;

    private final ObservableList<CommandSpec> commands = FXCollections.observableArrayList();
    private final ObjectProperty<CommandSpec> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CommandForm> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryEntry> selectedHistory = new SimpleObjectProperty<>();

    public CommandsViewModel(Workspace workspace, TaskExecutor tasks, List<CommandSpec> specs, Navigation navigation,
                             EventsViewModel events) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.navigation = navigation;
        this.events = events;
        commands.setAll(specs);
        selected.addListener((obs, old, now) -> {
            form.set(now == null ? null : new CommandForm(now));
            outcome.set(null);
        });
        if (!specs.isEmpty()) {
            selected.set(specs.get(0));
        }
        workspace.session().addListener((obs, old, now) -> loadHistory());
        loadHistory();
    }

    public ObservableList<CommandSpec> commands() {
        return commands;
    }

    public ObjectProperty<CommandSpec> selected() {
        return selected;
    }

    /** The form of the selected command. */
    public ReadOnlyObjectProperty<CommandForm> form() {
        return form.getReadOnlyProperty();
    }

    /** The last submitted command's outcome, null before one. */
    public ReadOnlyObjectProperty<Outcome> outcome() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    /** Journaled commands, newest first. */
    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public ObjectProperty<HistoryEntry> selectedHistory() {
        return selectedHistory;
    }

    /** Sends the form's command; a field that cannot be read stops it with its message. */
    public void submit() {
        CommandForm current = form.get();
        if (current == null) {
            return;
        }
        Map<String, Object> payload = current.payload();
        if (payload == null) {
            return;
        }
        String user = payload.get("userId") instanceof String u ? u : DEFAULT_USER;
        run(current.commandName(), user, () -> Json.MAPPER.valueToTree(payload), current);
    }

    /** Sends a journaled command again, as a new command with its own id and correlation. */
    public void runAgain(HistoryEntry entry) {
        CommandEnvelope earlier = entry.entry().command();
        run(earlier.commandType(), earlier.userId() == null ? DEFAULT_USER : earlier.userId(), earlier::payload, null);
    }

    /**
     * Shows a journaled command's events in the Events view, within its correlation: the chain
     * it belongs to and its causation tree with the command selected (a rejected command has
     * no events of its own, but its place in the chain still shows).
     */
    public void showEvents(HistoryEntry entry) {
        navigation.show("events");
        events.followCorrelation(entry.correlationId(), entry.entry().commandId());
    }

    /** Shows a produced event in the Events view. */
    public void openEvent(Outcome.ProducedEvent event) {
        navigation.show("events");
        events.reveal(event.position());
    }

    private interface PayloadSource {
        JsonNode payload();
    }

    private void run(String commandName, String user, PayloadSource payload, CommandForm shownIn) {
        Engine engine = workspace.engine();
        if (engine == null) {
            return;
        }
        running.set(true);
        var task = tasks.run("Running " + commandName, progress -> {
            CommandEnvelope command = CommandEnvelope.of(commandName, payload.payload(), user, null);
            return outcomeOf(command, engine.commands().handle(command));
        }, result -> {
            running.set(false);
            outcome.set(result);
            if (shownIn != null && !result.accepted()) {
                shownIn.showReason(result.reason());
            }
            loadHistory();
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> running.set(false));
    }

    private static Outcome outcomeOf(CommandEnvelope command, CommandResult result) throws JsonProcessingException {
        if (result instanceof CommandResult.Accepted accepted) {
            List<Outcome.ProducedEvent> produced = new ArrayList<>();
            for (EventEnvelope e : accepted.events()) {
                produced.add(new Outcome.ProducedEvent(e.position(), e.eventType(), e.streamId(), e.version(),
                        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(e.data())));
            }
            return new Outcome(command.commandType(), command.commandId(), command.correlationId(), true, null, produced);
        }
        String reason = result instanceof CommandResult.Rejected rejected ? rejected.reason()
                : result instanceof CommandResult.Conflict conflict ? conflict.reason()
                : "unknown outcome " + result;
        return new Outcome(command.commandType(), command.commandId(), command.correlationId(), false, reason, List.of());
    }

    private void loadHistory() {
        StoreSession session = workspace.session().get();
        if (session == null) {
            history.clear();
            return;
        }
        tasks.run(progress -> session.engine().journal().recent(0, HISTORY_SIZE).stream()
                .map(CommandsViewModel::historyEntry).toList(), entries -> {
                    if (workspace.session().get() == session) {
                        history.setAll(entries);
                    }
                });
    }

    private static HistoryEntry historyEntry(JournalEntry entry) {
        CommandEnvelope c = entry.command();
        return new HistoryEntry(TIME.format(c.timestamp()), c.commandType(), entry.status().name(), entry.reason(),
                c.correlationId(), entry.eventIds().size(), entry);
    }
}
