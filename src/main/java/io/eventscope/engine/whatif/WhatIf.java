package io.eventscope.engine.whatif;

import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.CommandPayloads;
import io.eventscope.engine.domain.CommandStatus;
import io.eventscope.engine.domain.Decision;
import io.eventscope.engine.domain.DeciderFold;
import io.eventscope.engine.domain.InvalidCommandException;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.domain.JsonMergeFold;
import io.eventscope.engine.domain.StreamFold;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * What-if replay. A fork keeps every event of the streams in scope up to its position, applies
 * its change there, then decides again, in their original order and through the deciders,
 * the journaled commands after the fork point that addressed those streams. Events after the
 * fork that no re-decided command produced (imported data, streams without a decider, other
 * correlations' commands) are kept as they happened, in their place. The branch lives in
 * memory only: the store and the journal are read, never written.
 *
 * <p>A command is after the fork point when its first event is, or, when it produced none
 * (rejected), when it was issued at or after the fork event was stored. A saga whose step
 * comes out otherwise takes another path: {@link SagaReactions} says what it does instead.
 */
public final class WhatIf {
    private static final int CANCEL_EVERY = 256;
    /** A saga that is still reacting after this many effects is stopped: a loop, not a business process. */
    private static final int MAX_REACTIONS = 1_000;

    private final EventStore store;
    private final CommandJournal journal;
    private final SagaReactions reactions;
    private final Map<String, AggregateType<?, ?, ?>> typesByName = new HashMap<>();
    private final Map<String, AggregateType<?, ?, ?>> typesByCommand = new TreeMap<>();

    /** {@code store} as the engine reads it (upcast), so deciders get the current shapes. */
    public WhatIf(EventStore store, CommandJournal journal, List<AggregateType<?, ?, ?>> types) {
        this(store, journal, types, SagaReactions.NONE);
    }

    /** With the sagas' {@code reactions}, so a branch decides them again too. */
    public WhatIf(EventStore store, CommandJournal journal, List<AggregateType<?, ?, ?>> types,
                  SagaReactions reactions) {
        this.store = store;
        this.journal = journal;
        this.reactions = reactions;
        for (AggregateType<?, ?, ?> type : types) {
            typesByName.put(type.name(), type);
            type.commandTypes().keySet().forEach(c -> typesByCommand.put(c, type));
        }
    }

    /**
     * Builds the branch and compares it with what happened. Refuses a fork that names no event,
     * an unknown scope or a change that does not fit, with what is wrong; stops with a
     * {@link CancellationException} when the monitor asks.
     */
    public WhatIfResult run(Fork fork, ProgressMonitor monitor) {
        return new Run(fork, monitor).result();
    }

    /** The stream a command addresses, with its record, or why it cannot be decided at all. */
    private record Target(AggregateType<?, ?, ?> type, Object command, String streamId, String refusal) {
        static Target refused(String reason) {
            return new Target(null, null, null, reason);
        }
    }

    private Target target(CommandEnvelope command) {
        AggregateType<?, ?, ?> type = typesByCommand.get(command.commandType());
        if (type == null) {
            return Target.refused("unknown command type '" + command.commandType() + "'; known: "
                    + String.join(", ", typesByCommand.keySet()));
        }
        return target(type, command);
    }

    private <C> Target target(AggregateType<C, ?, ?> type, CommandEnvelope command) {
        C decoded;
        try {
            decoded = CommandPayloads.read(command.payload(), type.commandTypes().get(command.commandType()));
        } catch (InvalidCommandException e) {
            return Target.refused(e.getMessage());
        }
        String id = type.aggregateId(decoded);
        if (id == null || id.isBlank()) {
            return Target.refused(command.commandType() + " names no " + type.name() + ": its " + type.name()
                    + " id is missing");
        }
        return new Target(type, decoded, StreamIds.of(type.name(), id), null);
    }

    /** One fork being worked out. */
    private final class Run {
        private final Fork fork;
        private final ProgressMonitor monitor;
        private final Map<String, List<EventEnvelope>> original = new TreeMap<>();
        private final Map<String, EventEnvelope> originalById = new HashMap<>();
        private final Map<String, BranchStream<?, ?>> branch = new TreeMap<>();
        private final List<EventEnvelope> branchLog = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** Sagas that took another path in the branch, by their log's stream. */
        private final Set<String> rerouted = new TreeSet<>();
        private int reactionCount;

        Run(Fork fork, ProgressMonitor monitor) {
            this.fork = fork;
            this.monitor = monitor;
        }

        WhatIfResult result() {
            EventEnvelope forkEvent = eventAt(fork.position());
            List<JournalEntry> commands = new ArrayList<>();
            Set<String> scope = scope(commands);
            Target inserted = fork.change() instanceof Change.Insert insert ? target(insert.command()) : null;
            Set<String> streams = new TreeSet<>(scope);
            if (inserted != null && inserted.streamId() != null) {
                streams.add(inserted.streamId());
            }
            streams.forEach(this::load);
            checkChange(scope);

            for (EventEnvelope e : inOrder(event -> event.position() <= fork.position())) {
                EventEnvelope changed = changed(e);
                if (changed != null) {
                    append(changed);
                }
            }
            List<JournalEntry> after = commands.stream().filter(c -> isAfter(c, forkEvent)).toList();
            Set<String> redecidedEvents = new HashSet<>();
            after.forEach(c -> redecidedEvents.addAll(c.eventIds()));
            List<EventEnvelope> kept = inOrder(e -> e.position() > fork.position()
                    && !redecidedEvents.contains(e.eventId()));

            List<CommandOutcome> outcomes = new ArrayList<>();
            if (inserted != null) {
                CommandEnvelope command = ((Change.Insert) fork.change()).command();
                outcomes.add(CommandOutcome.inserted(command, inserted.streamId(), decide(inserted, command, List.of())));
            }
            int nextKept = 0;
            long anchor = fork.position();
            for (int i = 0; i < after.size(); i++) {
                if (i % CANCEL_EVERY == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancellationException("the what-if replay was cancelled");
                    }
                    monitor.progress(i, after.size());
                }
                JournalEntry entry = after.get(i);
                List<EventEnvelope> produced = producedBy(entry);
                if (!produced.isEmpty()) {
                    anchor = produced.get(0).position();
                }
                // What happened before this command in the log happens before it in the branch too.
                while (nextKept < kept.size() && kept.get(nextKept).position() < anchor) {
                    keep(kept.get(nextKept++));
                }
                Decided then = entry.status() == CommandStatus.ACCEPTED
                        ? Decided.accepted(produced) : Decided.rejected(entry.reason());
                Target target = target(entry.command());
                String streamId = target.streamId() != null ? target.streamId() : entry.streamId();
                String saga = sagaOf(entry.command());
                if (saga != null && rerouted.contains(saga)) {
                    outcomes.add(CommandOutcome.notIssued(entry.command(), streamId, then));
                    continue;
                }
                Decided now = decide(target, entry.command(), produced);
                outcomes.add(CommandOutcome.compared(entry.command(), streamId, then, now));
                if (saga != null && now.accepted() != then.accepted()) {
                    rerouted.add(saga);
                    react(saga, entry.command(), now, outcomes);
                }
            }
            kept.subList(nextKept, kept.size()).forEach(this::keep);
            monitor.progress(after.size(), after.size());
            note(after, inserted);
            return new WhatIfResult(fork, List.copyOf(scope), outcomes, states(), branchLog, notes);
        }

        /** A fact that stays, unless it is the log of a saga that took another path in the branch. */
        private void keep(EventEnvelope event) {
            if (!rerouted.contains(event.streamId())) {
                append(event);
            }
        }

        /** The saga that issued the command, when its log is a stream of this store or branch. */
        private String sagaOf(CommandEnvelope command) {
            String saga = reactions.sagaOf(command);
            if (saga == null) {
                return null;
            }
            if (!branch.containsKey(saga)) {
                if (store.streamVersion(saga) == 0) {
                    return null;
                }
                load(saga);
                original.get(saga).stream().filter(e -> e.position() <= fork.position()).forEach(this::append);
            }
            return saga;
        }

        /**
         * Lets the saga go its new way: records what it records, decides what it issues against the
         * branch, and asks it again after each command, until it waits or ends.
         */
        private void react(String saga, CommandEnvelope step, Decided outcome, List<CommandOutcome> outcomes) {
            CommandEnvelope issued = step;
            Decided decided = outcome;
            EventEnvelope cause = decided.events().isEmpty() ? lastOf(saga) : decided.events().get(decided.events().size() - 1);
            for (int asked = 0; asked < MAX_REACTIONS; asked++) {
                List<SagaEffect> effects = reactions.next(branch.get(saga).events(), issued, decided);
                if (effects.isEmpty()) {
                    return;
                }
                for (SagaEffect effect : effects) {
                    issued = null;
                    decided = null;
                    if (effect instanceof SagaEffect.Record record) {
                        cause = append(sagaEvent(saga, record, cause, step));
                    } else if (effect instanceof SagaEffect.Issue issue) {
                        issued = new CommandEnvelope("whatif-reaction-" + (++reactionCount), issue.commandType(),
                                issue.payload(), issue.userId(), step.correlationId(),
                                cause == null ? null : cause.eventId(), step.timestamp());
                        Target target = target(issued);
                        decided = decide(target, issued, List.of());
                        outcomes.add(CommandOutcome.reaction(issued, target.streamId(), decided));
                        if (!decided.events().isEmpty()) {
                            cause = decided.events().get(decided.events().size() - 1);
                        }
                    }
                }
            }
            notes.add("The saga " + saga + " was still reacting after " + MAX_REACTIONS
                    + " steps; the branch stops it there.");
        }

        private EventEnvelope lastOf(String saga) {
            List<EventEnvelope> log = branch.get(saga).events();
            return log.isEmpty() ? null : log.get(log.size() - 1);
        }

        private EventEnvelope sagaEvent(String saga, SagaEffect.Record record, EventEnvelope cause, CommandEnvelope step) {
            BranchStream<?, ?> log = branch.get(saga);
            AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(saga));
            int schemaVersion = type == null ? 1 : schemaVersion(type, record);
            return new EventEnvelope("whatif-" + saga + "-" + (log.version() + 1), record.eventType(),
                    StreamIds.aggregateType(saga), StreamIds.aggregateId(saga), saga, 0, schemaVersion, 0,
                    step.timestamp(), record.data(), Metadata.of(step.userId(), step.correlationId(),
                    cause == null ? step.commandId() : cause.eventId()));
        }

        private <E> int schemaVersion(AggregateType<?, ?, E> type, SagaEffect.Record record) {
            return type.events().schemaVersion(type.events().fromJson(record.eventType(), record.data()));
        }

        private EventEnvelope eventAt(long position) {
            return store.eventAt(position).orElseThrow(() -> new IllegalArgumentException("no event at position "
                    + position + " in " + store.describe() + " (its head is at " + store.headPosition() + ")"));
        }

        /** The streams in scope; fills {@code commands} with the journaled commands of the scope, oldest first. */
        private Set<String> scope(List<JournalEntry> commands) {
            Scope scope = fork.scope();
            Set<String> streams = new TreeSet<>();
            if (scope.isCorrelation()) {
                commands.addAll(journal.byCorrelationId(scope.correlationId()));
                commands.stream().map(JournalEntry::streamId).filter(s -> s != null).forEach(streams::add);
                EventFilter filter = EventFilter.correlation(scope.correlationId());
                LogPages.all(store, filter).forEach(e -> streams.add(e.streamId()));
                if (streams.isEmpty()) {
                    throw new IllegalArgumentException("no events and no commands with correlation id '"
                            + scope.correlationId() + "' in " + store.describe());
                }
                streams.removeIf(s -> store.streamVersion(s) == 0 && !typesByName.containsKey(StreamIds.aggregateType(s)));
            } else {
                for (String s : scope.streamIds()) {
                    if (store.streamVersion(s) == 0) {
                        throw new IllegalArgumentException("no stream '" + s + "' in " + store.describe());
                    }
                    streams.add(s);
                }
                commands.addAll(journal.byStreamIds(streams));
            }
            return streams;
        }

        private void load(String streamId) {
            List<EventEnvelope> events = LogPages.stream(store, streamId);
            original.put(streamId, events);
            events.forEach(e -> originalById.put(e.eventId(), e));
            branch.put(streamId, newStream(streamId));
        }

        private BranchStream<?, ?> newStream(String streamId) {
            AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(streamId));
            return type == null ? streamOf(new JsonMergeFold()) : streamOf(new DeciderFold<>(type));
        }

        private <S, D> BranchStream<S, D> streamOf(StreamFold<S, D> fold) {
            return new BranchStream<>(fold);
        }

        private void checkChange(Set<String> scope) {
            String eventId;
            if (fork.change() instanceof Change.Skip skip) {
                eventId = skip.eventId();
            } else if (fork.change() instanceof Change.Replace replace) {
                eventId = replace.eventId();
            } else {
                return;
            }
            EventEnvelope event = originalById.get(eventId);
            if (event == null || !scope.contains(event.streamId())) {
                throw new IllegalArgumentException("event '" + eventId + "' is not in the streams of this fork ("
                        + String.join(", ", scope) + ")");
            }
            if (event.position() > fork.position()) {
                throw new IllegalArgumentException("event '" + eventId + "' is at position " + event.position()
                        + ", after the fork point " + fork.position() + "; fork at " + event.position()
                        + " or later to change it");
            }
            if (fork.change() instanceof Change.Replace replace) {
                checkEdit(event, replace);
            }
        }

        private void checkEdit(EventEnvelope event, Change.Replace replace) {
            String what = "the edited data of event '" + event.eventId() + "' (" + event.eventType() + ")";
            List<String> mismatches = DataShape.mismatches(event.data(), replace.data());
            if (!mismatches.isEmpty()) {
                throw new IllegalArgumentException(what + " does not fit the event's shape: "
                        + String.join("; ", mismatches));
            }
            AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(event.streamId()));
            if (type != null) {
                try {
                    type.events().fromJson(event.eventType(), replace.data());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(what + " cannot be read as " + event.eventType() + ": "
                            + e.getMessage(), e);
                }
            }
        }

        /** The event as the fork has it: null when skipped, with the new data when replaced. */
        private EventEnvelope changed(EventEnvelope event) {
            if (fork.change() instanceof Change.Skip skip && skip.eventId().equals(event.eventId())) {
                return null;
            }
            if (fork.change() instanceof Change.Replace replace && replace.eventId().equals(event.eventId())) {
                return event.withPayload(event.eventType(), event.schemaVersion(), replace.data());
            }
            return event;
        }

        private List<EventEnvelope> inOrder(java.util.function.Predicate<EventEnvelope> which) {
            List<EventEnvelope> out = new ArrayList<>();
            original.values().forEach(events -> events.stream().filter(which).forEach(out::add));
            out.sort(Comparator.comparingLong(EventEnvelope::position));
            return out;
        }

        private boolean isAfter(JournalEntry entry, EventEnvelope forkEvent) {
            if (entry.status() != CommandStatus.ACCEPTED && entry.status() != CommandStatus.REJECTED) {
                return false; // it never took effect
            }
            if (!entry.eventIds().isEmpty()) {
                EventEnvelope first = producedBy(entry).stream().findFirst().orElse(null);
                return first != null && first.position() > fork.position();
            }
            return !entry.command().timestamp().isBefore(forkEvent.timestamp());
        }

        private List<EventEnvelope> producedBy(JournalEntry entry) {
            List<EventEnvelope> events = new ArrayList<>(entry.eventIds().size());
            for (String id : entry.eventIds()) {
                EventEnvelope e = originalById.get(id);
                if (e == null) {
                    return store.read(EventFilter.causation(entry.commandId()), 1, entry.eventIds().size(),
                            Direction.FORWARDS);
                }
                events.add(e);
            }
            return events;
        }

        private Decided decide(Target target, CommandEnvelope command, List<EventEnvelope> before) {
            if (target.refusal() != null) {
                return Decided.rejected(target.refusal());
            }
            if (!branch.containsKey(target.streamId())) {
                load(target.streamId());
                original.get(target.streamId()).stream().filter(e -> e.position() <= fork.position()).forEach(this::append);
            }
            return decide(target.type(), target, command, before);
        }

        /** Decides through the decider against the branch's state; events keep the ids and times of the ones they stand for. */
        @SuppressWarnings("unchecked") // a stream of type T is folded by T's DeciderFold, so its state is T's state
        private <C, S, E> Decided decide(AggregateType<C, S, E> type, Target target, CommandEnvelope command,
                                         List<EventEnvelope> before) {
            BranchStream<S, E> stream = (BranchStream<S, E>) branch.get(target.streamId());
            Decision<E> decision;
            try {
                decision = type.decider().decide((C) target.command(), stream.state());
            } catch (RuntimeException e) {
                return Decided.rejected("the " + type.name() + " decider failed: " + e);
            }
            if (!decision.accepted()) {
                return Decided.rejected(decision.rejection());
            }
            List<EventEnvelope> made = new ArrayList<>(decision.events().size());
            Metadata metadata = Metadata.of(command.userId(), command.correlationId(), command.commandId());
            for (int i = 0; i < decision.events().size(); i++) {
                E event = decision.events().get(i);
                EventEnvelope was = i < before.size() ? before.get(i) : null;
                String id = was != null ? was.eventId() : "whatif-" + command.commandId() + "-" + (i + 1);
                Instant at = was != null ? was.timestamp() : command.timestamp();
                made.add(append(new EventEnvelope(id, type.events().typeName(event), type.name(),
                        StreamIds.aggregateId(target.streamId()), target.streamId(), 0,
                        type.events().schemaVersion(event), 0, at, type.events().toJson(event), metadata)));
            }
            return Decided.accepted(made);
        }

        /** Adds an event to the branch under the branch's next version of its stream and next position. */
        private EventEnvelope append(EventEnvelope event) {
            BranchStream<?, ?> stream = branch.get(event.streamId());
            EventEnvelope placed = new EventEnvelope(event.eventId(), event.eventType(), event.aggregateType(),
                    event.aggregateId(), event.streamId(), stream.version() + 1, event.schemaVersion(),
                    branchLog.size() + 1L, event.timestamp(), event.data(), event.metadata());
            stream.append(placed);
            branchLog.add(placed);
            return placed;
        }

        private List<StateComparison> states() {
            List<StateComparison> states = new ArrayList<>();
            branch.forEach((id, stream) -> {
                AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(id));
                states.add(StateComparison.of(id, type == null ? null : type.name(),
                        stream.foldJson(original.get(id)), stream.stateJson()));
            });
            return states;
        }

        private void note(List<JournalEntry> after, Target inserted) {
            branch.keySet().stream().filter(id -> !typesByName.containsKey(StreamIds.aggregateType(id)))
                    .forEach(id -> notes.add("Stream " + id + " has no decider: there are no commands to re-decide"
                            + " on it; its events after the fork are kept as they happened."));
            if (after.isEmpty() && inserted == null) {
                notes.add("No journaled command after position " + fork.position()
                        + " addressed these streams: there is nothing to re-decide.");
            }
        }
    }
}
