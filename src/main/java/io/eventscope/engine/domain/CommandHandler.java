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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands against the aggregates: find the aggregate type by command name, read the
 * payload into its record, load the state, decide, and append with the loaded version as the
 * expected version. Every command is journaled, whatever became of it, and an accepted one is
 * journaled PENDING before its events are appended (then ACCEPTED), so no reader ever finds an
 * event whose command is not in the journal. Handling a command id the journal already holds
 * returns its earlier outcome instead of deciding twice.
 */
public final class CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final EventStore store;
    private final CommandJournal journal;
    private final StateLoader loader;
    private final RetryPolicy retryPolicy;
    private final Map<String, AggregateType<?, ?, ?>> typesByCommand;
    private final EventIds eventIds;
    private final ConcurrentMap<String, CompletableFuture<CommandResult>> inFlight = new ConcurrentHashMap<>();

    /** Names the events a command produces; a simulation derives them from the command id so reruns match. */
    @FunctionalInterface
    public interface EventIds {
        EventIds RANDOM = (command, index) -> null;

        /** The id of the command's event number {@code index} (0-based); null for a random one. */
        String of(CommandEnvelope command, int index);
    }

    public CommandHandler(EventStore store, CommandJournal journal, StateLoader loader,
                          List<AggregateType<?, ?, ?>> types, RetryPolicy retryPolicy) {
        this(store, journal, loader, types, retryPolicy, EventIds.RANDOM);
    }

    public CommandHandler(EventStore store, CommandJournal journal, StateLoader loader,
                          List<AggregateType<?, ?, ?>> types, RetryPolicy retryPolicy, EventIds eventIds) {
        this.eventIds = eventIds;
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

    /**
     * Handles a command once per command id. A later call with the same id, or one racing the
     * first from another thread, gets the first outcome; a CONFLICT or NOT_APPLIED command is
     * handled again.
     */
    public CommandResult handle(CommandEnvelope command) {
        CompletableFuture<CommandResult> mine = new CompletableFuture<>();
        CompletableFuture<CommandResult> running = inFlight.putIfAbsent(command.commandId(), mine);
        if (running != null) {
            return awaitOutcome(running);
        }
        try {
            CommandResult result = handleOnce(command);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(command.commandId(), mine);
        }
    }

    /**
     * Settles the entries left PENDING by handling that stopped (a crash, a killed process):
     * ACCEPTED when their events are stored, NOT_APPLIED when not. An entry a live handler holds,
     * in this process or another sharing the store, is left to it. Returns how many were settled.
     */
    public int settleInterrupted() {
        int settled = 0;
        for (JournalEntry entry : journal.pending()) {
            boolean[] taken = {false};
            try {
                journal.settleIfAbandoned(entry.commandId(), abandoned -> {
                    taken[0] = true;
                    return settled(abandoned, "the engine stopped after journaling this command, before its events were stored");
                }, false);
                if (taken[0]) {
                    settled++;
                }
            } catch (RuntimeException e) {
                // Left PENDING, to be settled when its id is handled again: one entry must not keep the store shut.
                LOG.error("Could not settle the PENDING command {}", entry.commandId(), e);
            }
        }
        return settled;
    }

    private CommandResult handleOnce(CommandEnvelope command) {
        Optional<JournalEntry> earlier = journal.byCommandId(command.commandId());
        if (earlier.isPresent() && earlier.get().status() == CommandStatus.PENDING) {
            // Not in flight here (this thread holds its id): cut short, or in flight in another process, which it waits for.
            earlier = journal.settleIfAbandoned(command.commandId(),
                    pending -> settled(pending, "its handling stopped before its events were stored"), true);
        }
        if (earlier.isPresent() && isFinal(earlier.get().status())) {
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
        try (InFlightEntry inFlight = new InFlightEntry(journal)) {
            return decideAndAppend(type, command, decoded, aggregateId, streamId, inFlight);
        }
    }

    private <C, S, E> CommandResult decideAndAppend(AggregateType<C, S, E> type, CommandEnvelope command, C decoded,
                                                    String aggregateId, String streamId, InFlightEntry inFlight) {
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
            // Journaled before the append: whoever sees the events finds their command. Held as in flight
            // until the outcome is journaled, so no settler anywhere takes it meanwhile.
            JournalEntry pending = new JournalEntry(command, CommandStatus.PENDING, null, streamId,
                    events.stream().map(NewEvent::eventId).toList());
            inFlight.record(pending);
            AppendResult appended;
            try {
                appended = store.append(streamId, expected, events);
            } catch (ConcurrencyConflictException e) {
                if (attempt < retryPolicy.maxAttempts()) {
                    continue;
                }
                CommandResult.Conflict conflict = new CommandResult.Conflict(command.commandId(), streamId,
                        expected, e.actual());
                journal.record(new JournalEntry(command, CommandStatus.CONFLICT, conflict.reason(), streamId, List.of()));
                return conflict;
            } catch (RuntimeException e) {
                settleAfterFailedAppend(pending, e);
                throw e;
            }
            List<EventEnvelope> stored = store.readStream(streamId, appended.version() - events.size() + 1,
                    events.size(), Direction.FORWARDS);
            complete(new JournalEntry(command, CommandStatus.ACCEPTED, null, streamId, pending.eventIds()));
            return new CommandResult.Accepted(command.commandId(), streamId, stored);
        }
    }

    /** The store may or may not hold the events of a failed append; the journal must say which. */
    private void settleAfterFailedAppend(JournalEntry pending, RuntimeException failure) {
        try {
            settle(pending, "the store did not take its events: " + failure.getMessage());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The events are stored, so the command took effect whatever the journal does now; should
     * this write fail, the entry stays PENDING with the right event ids until it is settled.
     */
    private void complete(JournalEntry accepted) {
        try {
            journal.record(accepted);
        } catch (RuntimeException e) {
            LOG.error("Command {} was applied, but its journal entry stays PENDING until the engine settles it",
                    accepted.commandId(), e);
        }
    }

    private void settle(JournalEntry pending, String notAppliedReason) {
        journal.record(settled(pending, notAppliedReason));
    }

    /**
     * A PENDING entry as the store settles it: a command's events are appended all together,
     * with the ids planned for them, or not at all.
     */
    private JournalEntry settled(JournalEntry pending, String notAppliedReason) {
        boolean stored = store.count(EventFilter.causation(pending.commandId())) > 0;
        return stored
                ? new JournalEntry(pending.command(), CommandStatus.ACCEPTED, null, pending.streamId(),
                        pending.eventIds())
                : new JournalEntry(pending.command(), CommandStatus.NOT_APPLIED, notAppliedReason, pending.streamId(),
                        List.of());
    }

    private static boolean isFinal(CommandStatus status) {
        return status == CommandStatus.ACCEPTED || status == CommandStatus.REJECTED;
    }

    private <E> List<NewEvent> toNewEvents(AggregateType<?, ?, E> type, String aggregateId,
                                                 CommandEnvelope command, List<E> events) {
        Metadata metadata = Metadata.of(command.userId(), command.correlationId(), command.commandId());
        List<NewEvent> out = new ArrayList<>(events.size());
        for (E e : events) {
            JsonNode data = type.events().toJson(e);
            out.add(new NewEvent(eventIds.of(command, out.size()), type.events().typeName(e), type.name(), aggregateId,
                    type.events().schemaVersion(e), null, data, metadata));
        }
        return out;
    }

    private CommandResult reject(CommandEnvelope command, String streamId, String reason) {
        journal.record(new JournalEntry(command, CommandStatus.REJECTED, reason, streamId, List.of()));
        return new CommandResult.Rejected(command.commandId(), reason);
    }

    private static CommandResult awaitOutcome(CompletableFuture<CommandResult> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
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
