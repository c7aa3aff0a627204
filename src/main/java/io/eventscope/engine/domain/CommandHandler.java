package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.ConcurrencyConflictException;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands against the aggregates: find the aggregate type by command name, read the
 * payload into its record, load the state, decide, and append with the loaded version as the
 * expected version. Every command is journaled, whatever became of it. Handling a command id
 * the journal already holds returns its earlier outcome instead of deciding twice.
 */
public final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final EventStore store;
    private final CommandJournal journal;
    private final StateLoader loader;
    private final RetryPolicy retryPolicy;
    private final Map<String, AggregateType<?, ?, ?>> typesByCommand;

    public CommandHandler(EventStore store, CommandJournal journal, StateLoader loader,
                          List<AggregateType<?, ?, ?>> types, RetryPolicy retryPolicy) {
        this.store = store;
        this.journal = journal;
        this.loader = loader;
        this.retryPolicy = retryPolicy;
        Map<String, AggregateType<?, ?, ?>> byCommand = new TreeMap<>();
        for (AggregateType<?, ?, ?> type : types) {
            for (String command : type.commandTypes().keySet()) {
                AggregateType<?, ?, ?> other = byCommand.put(command, type);
                if (other != null) {
                    throw new IllegalArgumentException("command '" + command + "' is claimed by both aggregate types '"
                            + other.name() + "' and '" + type.name() + "'");
                }
            }
        }
        this.typesByCommand = Collections.unmodifiableMap(byCommand);
    }

    /** The command names this handler knows, sorted. */
    public Set<String> commandTypes() {
        return typesByCommand.keySet();
    }

    public CommandResult handle(CommandEnvelope command) {
        Optional<JournalEntry> earlier = journal.byCommandId(command.commandId());
        if (earlier.isPresent() && earlier.get().status() != CommandStatus.CONFLICT) {
            return outcomeOf(earlier.get());
        }
        AggregateType<?, ?, ?> type = typesByCommand.get(command.commandType());
        if (type == null) {
            return reject(command, null, "unknown command type '" + command.commandType() + "'; known: "
                    + String.join(", ", typesByCommand.keySet()));
        }
        return handle(type, command);
    }

    private <C, S, E> CommandResult handle(AggregateType<C, S, E> type, CommandEnvelope command) {
        C decoded;
        String aggregateId;
        try {
            decoded = CommandPayloads.read(command.payload(), type.commandTypes().get(command.commandType()));
        } catch (InvalidCommandException e) {
            return reject(command, null, e.getMessage());
        }
        aggregateId = type.aggregateId(decoded);
        if (aggregateId == null || aggregateId.isBlank()) {
            return reject(command, null, command.commandType() + " names no " + type.name()
                    + ": its " + type.name() + " id is missing");
        }
        String streamId = StreamIds.of(type.name(), aggregateId);
        DeciderFold<C, S, E> fold = new DeciderFold<>(type);
        for (int attempt = 1; ; attempt++) {
            VersionedState<S> loaded = loader.load(streamId, fold, Long.MAX_VALUE);
            Decision<E> decision;
            try {
                decision = type.decider().decide(decoded, loaded.state());
            } catch (RuntimeException e) {
                LOG.error("The {} decider failed on command {}", type.name(), command.commandId(), e);
                return reject(command, streamId, "the " + type.name() + " decider failed: " + e);
            }
            if (!decision.accepted()) {
                return reject(command, streamId, decision.rejection());
            }
            if (decision.events().isEmpty()) {
                journal.record(new JournalEntry(command, CommandStatus.ACCEPTED, null, streamId, List.of()));
                return new CommandResult.Accepted(command.commandId(), streamId, List.of());
            }
            List<NewEvent> events = toNewEvents(type, aggregateId, command, decision.events());
            ExpectedVersion expected = ExpectedVersion.exactly(loaded.version());
            try {
                AppendResult appended = store.append(streamId, expected, events);
                List<EventEnvelope> stored = store.readStream(streamId, appended.version() - events.size() + 1,
                        events.size(), Direction.FORWARDS);
                journal.record(new JournalEntry(command, CommandStatus.ACCEPTED, null, streamId,
                        stored.stream().map(EventEnvelope::eventId).toList()));
                return new CommandResult.Accepted(command.commandId(), streamId, stored);
            } catch (ConcurrencyConflictException e) {
                if (attempt < retryPolicy.maxAttempts()) {
                    continue;
                }
                CommandResult.Conflict conflict = new CommandResult.Conflict(command.commandId(), streamId,
                        expected, e.actual());
                journal.record(new JournalEntry(command, CommandStatus.CONFLICT, conflict.reason(), streamId, List.of()));
                return conflict;
            }
        }
    }

    private static <E> List<NewEvent> toNewEvents(AggregateType<?, ?, E> type, String aggregateId,
                                                 CommandEnvelope command, List<E> events) {
        Metadata metadata = Metadata.of(command.userId(), command.correlationId(), command.commandId());
        List<NewEvent> out = new ArrayList<>(events.size());
        for (E e : events) {
            JsonNode data = type.events().toJson(e);
            out.add(new NewEvent(null, type.events().typeName(e), type.name(), aggregateId,
                    type.events().schemaVersion(e), null, data, metadata));
        }
        return out;
    }

    private CommandResult reject(CommandEnvelope command, String streamId, String reason) {
        journal.record(new JournalEntry(command, CommandStatus.REJECTED, reason, streamId, List.of()));
        return new CommandResult.Rejected(command.commandId(), reason);
    }

    private CommandResult outcomeOf(JournalEntry entry) {
        if (entry.status() == CommandStatus.REJECTED) {
            return new CommandResult.Rejected(entry.commandId(), entry.reason());
        }
        List<EventEnvelope> events = entry.eventIds().isEmpty() ? List.of()
                : store.read(EventFilter.causation(entry.commandId()), 1, entry.eventIds().size(), Direction.FORWARDS);
        return new CommandResult.Accepted(entry.commandId(), entry.streamId(), events);
    }
}
