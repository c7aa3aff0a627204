package io.eventscope.engine.domain;

import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.bus.DeadLetters;
import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.bus.InMemoryDeadLetters;
import io.eventscope.engine.bus.JdbcDeadLetters;
import io.eventscope.engine.projection.Projection;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.ReadOnlyEventStore;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.engine.upcast.UpcastingEventStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine around one open store: command handling with its journal, the event bus, time
 * travel and causation trees, sharing one state cache. The window and the command line each
 * open one, for example {@code Engine.open(Stores.open(spec), Shop.aggregateTypes(),
 * ShopUpcasters.chain())}. Every part reads events upcast to their current shape. The journal
 * and dead letters live in the store's database, or in memory for an in-memory store.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final OpenStore openStore;
    private final EventStore store;
    private final CommandJournal journal;
    private final CommandHandler commands;
    private final EventBus bus;
    private final TimeTravel timeTravel;
    private final CausationTrees causationTrees;
    private final ReadModels readModels;

    private Engine(OpenStore openStore, List<AggregateType<?, ?, ?>> types, UpcasterChain upcasters,
                   List<Projection> projections) {
        this.openStore = openStore;
        this.store = new UpcastingEventStore(openStore.store(), upcasters);
        DeadLetters deadLetters;
        CommandJournal written;
        if (openStore.inMemory()) {
            written = new InMemoryCommandJournal();
            deadLetters = new InMemoryDeadLetters();
        } else {
            written = new JdbcCommandJournal(openStore.database());
            deadLetters = new JdbcDeadLetters(openStore.database(), store);
        }
        // A store opened to be looked at only keeps its journal as it is too.
        journal = openStore.store() instanceof ReadOnlyEventStore readOnly
                ? new ReadOnlyCommandJournal(written, readOnly.why()) : written;
        StateLoader loader = new StateLoader(store, StateCache.withDefaults());
        this.commands = new CommandHandler(store, journal, loader, types, RetryPolicy.attempts(3));
        // What is PENDING with no live handler holding it (on a shared store, in any process) was cut short.
        int settled = commands.settleInterrupted();
        if (settled > 0) {
            LOG.warn("Settled {} commands left PENDING by an engine that stopped while handling them", settled);
        }
        Map<String, AggregateType<?, ?, ?>> byName = new HashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        this.timeTravel = new TimeTravel(store, loader, byName);
        // Trees need only ids, types and streams: reading events as stored means one event an
        // upcaster cannot handle never hides a whole correlation.
        this.causationTrees = new CausationTrees(openStore.store(), journal);
        this.bus = new EventBus(store, deadLetters, Backoff.DEFAULT);
        bus.start();
        try {
            this.readModels = ReadModels.open(openStore.database(), store, projections, true);
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
    }

    /** An engine that owns the opened store: closing the engine closes it. */
    public static Engine open(OpenStore openStore, List<AggregateType<?, ?, ?>> types, UpcasterChain upcasters) {
        return new Engine(openStore, types, upcasters, List.of());
    }

    /** The same, with read models kept up to date by {@code projections} while the engine is open. */
    public static Engine open(OpenStore openStore, List<AggregateType<?, ?, ?>> types, UpcasterChain upcasters,
                              List<Projection> projections) {
        return new Engine(openStore, types, upcasters, projections);
    }

    /** The store as every part of the engine reads it: events upcast to their current shape. */
    public EventStore store() {
        return store;
    }

    /** The store as opened, with its database (null for an in-memory store). */
    public OpenStore openStore() {
        return openStore;
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

    /** The read models, running; none when opened without projections. */
    public ReadModels readModels() {
        return readModels;
    }

    /** Stops the read models and the bus (parking what it could not deliver), then closes the store. */
    @Override
    public void close() {
        try {
            readModels.close();
            bus.close();
        } finally {
            openStore.close();
        }
    }
}
