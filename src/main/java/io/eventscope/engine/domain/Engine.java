package io.eventscope.engine.domain;

import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.bus.DeadLetters;
import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.bus.InMemoryDeadLetters;
import io.eventscope.engine.bus.JdbcDeadLetters;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The engine around one open store: command handling with its journal, the event bus, time
 * travel and causation trees, sharing one state cache. The window and the command line each
 * build one from the store they opened. Closing it stops the bus; the store stays open.
 */
public final class Engine implements AutoCloseable {
    private final EventStore store;
    private final CommandJournal journal;
    private final CommandHandler commands;
    private final EventBus bus;
    private final TimeTravel timeTravel;
    private final CausationTrees causationTrees;

    private Engine(EventStore store, CommandJournal journal, DeadLetters deadLetters,
                   List<AggregateType<?, ?, ?>> types, UnaryOperator<EventEnvelope> upcast) {
        this.store = store;
        this.journal = journal;
        StateLoader loader = new StateLoader(store, StateCache.withDefaults(), upcast);
        this.commands = new CommandHandler(store, journal, loader, types, RetryPolicy.attempts(3));
        Map<String, AggregateType<?, ?, ?>> byName = new HashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        this.timeTravel = new TimeTravel(store, loader, byName);
        this.causationTrees = new CausationTrees(store, journal);
        this.bus = new EventBus(store, deadLetters, Backoff.DEFAULT);
        bus.start();
    }

    /**
     * An engine on a store; {@code database} is the store's database (journal and dead letters
     * live there), or null for an in-memory store, whose journal and dead letters are in memory too.
     */
    public static Engine create(EventStore store, Database database, List<AggregateType<?, ?, ?>> types) {
        return create(store, database, types, UnaryOperator.identity());
    }

    /** Like {@link #create(EventStore, Database, List)}, with stored events upcast on read before they are folded. */
    public static Engine create(EventStore store, Database database, List<AggregateType<?, ?, ?>> types,
                                UnaryOperator<EventEnvelope> upcast) {
        if (database == null) {
            return new Engine(store, new InMemoryCommandJournal(), new InMemoryDeadLetters(), types, upcast);
        }
        return new Engine(store, new JdbcCommandJournal(database), new JdbcDeadLetters(database, store), types, upcast);
    }

    public EventStore store() {
        return store;
    }

    public CommandJournal journal() {
        return journal;
    }

    public CommandHandler commands() {
        return commands;
    }

    public EventBus bus() {
        return bus;
    }

    public TimeTravel timeTravel() {
        return timeTravel;
    }

    public CausationTrees causationTrees() {
        return causationTrees;
    }

    @Override
    public void close() {
        bus.close();
    }
}
