package io.eventscope.shop.saga;

import io.eventscope.engine.domain.CommandHandler;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.domain.RetryPolicy;
import io.eventscope.engine.domain.StateCache;
import io.eventscope.engine.domain.StateLoader;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.saga.FaultInjector;
import io.eventscope.engine.saga.Scheduler;
import io.eventscope.engine.saga.VirtualClock;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.Item;
import io.eventscope.shop.Money;
import io.eventscope.shop.Shop;
import io.eventscope.shop.inventory.CommitStock;
import io.eventscope.shop.inventory.RestockItem;
import io.eventscope.shop.order.CancelOrder;
import io.eventscope.shop.order.CreateOrder;
import io.eventscope.shop.order.PayOrder;
import io.eventscope.shop.order.ShipOrder;
import io.eventscope.shop.saga.OrderSaga.Action;
import io.eventscope.shop.saga.SagaEvent.CompensationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReservationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.SagaCompensated;
import io.eventscope.shop.saga.SagaEvent.SagaCompleted;
import io.eventscope.shop.saga.SagaEvent.SagaNeedsIntervention;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaEvent.ShippingFailed;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a batch of order sagas against the real shop deciders, in memory, on a virtual clock:
 * orders arrive one interval apart, each service call takes the latency its faults draw, and
 * everything happens in virtual-time order. The same scenario, mode and seed give the same
 * run, event for event and id for id; a thousand sagas take a fraction of a second.
 */
public final class Simulation {
    private final Scenario scenario;
    private final SagaMode mode;
    private final long seed;
    private final String runId;
    private final VirtualClock clock;
    private final Scheduler scheduler;
    private final InMemoryEventStore store;
    private final InMemoryCommandJournal journal = new InMemoryCommandJournal();
    private final ShopCommands commands;
    private final SimulatedServices services;
    private final Map<String, FaultInjector> faults = new LinkedHashMap<>();
    private final Map<String, Saga> sagas = new LinkedHashMap<>();
    private final List<String> customers = new ArrayList<>();
    private final Random orders;
    private final RunIds eventIds;
    private int ended;

    /** One saga in flight: its log folded, and the event that opened it. */
    private static final class Saga {
        final String orderId;
        final String streamId;
        final EventEnvelope orderCreated;
        final Instant startedAt;
        SagaState state = SagaState.NONE;
        int calls;

        Saga(String orderId, EventEnvelope orderCreated, Instant startedAt) {
            this.orderId = orderId;
            this.streamId = StreamIds.of(SagaLog.NAME, orderId);
            this.orderCreated = orderCreated;
            this.startedAt = startedAt;
        }
    }

    public Simulation(Scenario scenario, SagaMode mode, long seed) {
        this.scenario = scenario;
        this.mode = mode;
        this.seed = seed;
        this.runId = runId(mode, seed);
        this.clock = new VirtualClock(scenario.start());
        this.scheduler = new Scheduler(clock);
        this.store = new InMemoryEventStore(clock);
        this.eventIds = new RunIds(runId, "evt");
        // A checkpoint after every event while streams are short: each command folds at most a few events.
        StateLoader loader = new StateLoader(store, new StateCache(1, 1024, 1 << 16));
        CommandHandler handler = new CommandHandler(store, journal, loader, Shop.aggregateTypes(), RetryPolicy.NONE,
                (command, index) -> eventIds.next());
        this.commands = new ShopCommands(handler, clock, runId);
        for (int i = 1; i <= scenario.customers(); i++) {
            customers.add(String.format("%s-customer-%02d", runId, i));
        }
        this.services = new SimulatedServices(commands, customers, scenario.customerBalance());
        for (String service : Scenario.SERVICES) {
            faults.put(service, new FaultInjector(service, scenario.faults(service), seed));
        }
        this.orders = new Random(seed + 1);
    }

    /** The prefix of every id a run makes, so runs with other seeds or modes never collide in one store. */
    public static String runId(SagaMode mode, long seed) {
        return "sim-" + mode.label().charAt(0) + seed;
    }

    /** Runs {@code count} orders to their end, or until {@code progress} is cancelled. */
    public SimulationRun run(int count, ProgressMonitor progress) {
        restock();
        for (int i = 0; i < count; i++) {
            int n = i + 1;
            scheduler.at(scenario.start().plus(scenario.arrivalInterval().multipliedBy(i)), () -> placeOrder(n));
        }
        scheduler.runAll(() -> {
            progress.progress(ended, count);
            return progress.isCancelled();
        });
        return new SimulationRun(runId, mode, seed, scenario, store, journal, sagaSummaries(),
                services.balances(), customers, commands.issued(), progress.isCancelled());
    }

    private void restock() {
        scenario.catalog().forEach((sku, product) -> {
            if (product.stock() > 0) {
                commands.root("warehouse", runId + "-restock", new RestockItem(sku(sku), product.stock()));
            }
        });
    }

    private String sku(String catalogSku) {
        return runId + "-" + catalogSku;
    }

    private void placeOrder(int n) {
        String orderId = String.format("%s-%04d", runId, n);
        String customer = customers.get(orders.nextInt(customers.size()));
        List<String> skus = new ArrayList<>(scenario.catalog().keySet());
        int lines = 1 + orders.nextInt(scenario.maxItemsPerOrder());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String sku = skus.remove(orders.nextInt(skus.size()));
            items.add(new Item(sku(sku), 1 + orders.nextInt(3), scenario.catalog().get(sku).price()));
        }
        CommandResult created = commands.root(customer, orderId, new CreateOrder(orderId, customer, items, null));
        EventEnvelope orderCreated = ((CommandResult.Accepted) created).events().get(0);
        Saga saga = new Saga(orderId, orderCreated, clock.instant());
        sagas.put(orderId, saga);
        EventEnvelope started = record(saga, "order-service", orderCreated,
                new SagaStarted(orderId, mode.label(), customer, Money.total(items), items));
        if (mode == SagaMode.ORCHESTRATION) {
            orchestrate(saga, started);
        } else {
            // The seed's inventory service reacts to OrderCreated itself.
            forward(saga, SagaStep.RESERVE, orderCreated);
        }
    }

    // --- orchestration: one saga reads its own log and says what comes next

    private void orchestrate(Saga saga, EventEnvelope trigger) {
        Action next = OrderSaga.next(saga.state);
        if (next instanceof OrderSaga.Call call) {
            forward(saga, call.step(), trigger);
        } else if (next instanceof OrderSaga.Compensate compensate) {
            compensate(saga, compensate.step(), 1, trigger);
        } else if (next instanceof OrderSaga.Complete) {
            complete(saga, trigger);
        } else if (next instanceof OrderSaga.Cancel cancel) {
            cancel(saga, cancel.reason(), trigger);
        }
    }

    // --- choreography: each service reacts to what the one before it published

    private void react(Saga saga, SagaEvent event, EventEnvelope stored) {
        if (event instanceof InventoryReserved) {
            forward(saga, SagaStep.CHARGE, stored);
        } else if (event instanceof PaymentCharged) {
            forward(saga, SagaStep.SHIP, stored);
        } else if (event instanceof ShippingScheduled) {
            complete(saga, stored);
        } else if (event instanceof ShippingFailed) {
            compensate(saga, SagaStep.CHARGE, 1, stored);
        } else if (event instanceof PaymentFailed) {
            compensate(saga, SagaStep.RESERVE, 1, stored);
        } else if (event instanceof StepCompensated done && done.step() == SagaStep.CHARGE) {
            compensate(saga, SagaStep.RESERVE, 1, stored);
        } else if (event instanceof StepCompensated done && done.step() == SagaStep.RESERVE
                || event instanceof InventoryReservationFailed) {
            cancel(saga, saga.state.reason(), stored);
        }
    }

    // --- what both modes do

    private void forward(Saga saga, SagaStep step, EventEnvelope trigger) {
        SagaState s = saga.state;
        call(saga, step, false, () -> switch (step) {
            case RESERVE -> services.reserve(saga.orderId, s.items(), trigger);
            // In choreography the amount and the customer come from InventoryReserved, which the seed left without them.
            case CHARGE -> services.charge(saga.orderId, s.customer(), s.total(), trigger);
            case SHIP -> services.schedule(saga.orderId, trigger);
        }, result -> {
            EventEnvelope cause = result.last() != null ? result.last() : trigger;
            if (result.ok()) {
                advance(saga, cause, switch (step) {
                    case RESERVE -> new InventoryReserved(saga.orderId, s.customer(), s.total(), s.items());
                    case CHARGE -> new PaymentCharged(saga.orderId, saga.orderId, s.total());
                    case SHIP -> new ShippingScheduled(saga.orderId, services.trackingNumber(saga.orderId));
                });
            } else {
                advance(saga, cause, switch (step) {
                    case RESERVE -> new InventoryReservationFailed(saga.orderId, result.reason(), result.timedOut());
                    case CHARGE -> new PaymentFailed(saga.orderId, result.reason(), result.timedOut());
                    case SHIP -> new ShippingFailed(saga.orderId, result.reason(), result.timedOut());
                });
            }
        });
    }

    /** Undoes a completed step, retrying with backoff; when every attempt failed a person has to step in. */
    private void compensate(Saga saga, SagaStep step, int attempt, EventEnvelope trigger) {
        call(saga, step, true, () -> switch (step) {
            case RESERVE -> services.release(saga.orderId, trigger);
            case CHARGE -> services.refund(saga.orderId, saga.state.customer(), trigger);
            case SHIP -> services.cancelShipment(saga.orderId, trigger);
        }, result -> {
            EventEnvelope cause = result.last() != null ? result.last() : trigger;
            if (result.ok()) {
                advance(saga, cause, new StepCompensated(saga.orderId, step, attempt));
            } else if (attempt < scenario.compensationRetry().maxAttempts()) {
                Instant retryAt = clock.after(scenario.compensationRetry().delayAfter(attempt));
                EventEnvelope failed = record(saga, by(step), cause,
                        new CompensationFailed(saga.orderId, step, attempt, result.reason(), retryAt));
                scheduler.at(retryAt, () -> compensate(saga, step, attempt + 1, failed));
            } else {
                EventEnvelope failed = record(saga, by(step), cause,
                        new CompensationFailed(saga.orderId, step, attempt, result.reason(), null));
                record(saga, by(step), failed, new SagaNeedsIntervention(saga.orderId, step,
                        "compensation of " + step.name().toLowerCase() + " failed " + attempt + " times; last: "
                                + result.reason(), attempt));
            }
        });
    }

    /** The order service keeps the order: paid, shipped, its reservation committed. */
    private void complete(Saga saga, EventEnvelope trigger) {
        SagaState s = saga.state;
        EventEnvelope last = trigger;
        last = lastOf(commands.causedBy(last, "order-service", new PayOrder(saga.orderId, s.total())), last);
        last = lastOf(commands.causedBy(last, "order-service", new ShipOrder(saga.orderId, s.trackingNumber())), last);
        for (Item item : s.items()) {
            lastOf(commands.causedBy(last, "inventory-service", new CommitStock(item.sku(), saga.orderId, item.quantity())), last);
        }
        services.handOver(saga.orderId);
        record(saga, "order-service", last, new SagaCompleted(saga.orderId));
    }

    private void cancel(Saga saga, String reason, EventEnvelope trigger) {
        EventEnvelope cancelled = lastOf(commands.causedBy(trigger, "order-service",
                new CancelOrder(saga.orderId, reason)), trigger);
        record(saga, "order-service", cancelled, new SagaCompensated(saga.orderId, reason));
    }

    /** Records an outcome and lets whoever decides next go on: the orchestrator, or the services. */
    private void advance(Saga saga, EventEnvelope cause, SagaEvent event) {
        EventEnvelope stored = record(saga, by(event), cause, event);
        if (mode == SagaMode.ORCHESTRATION) {
            orchestrate(saga, stored);
        } else {
            react(saga, event, stored);
        }
    }

    /** Calls a service as its faults say: it answers after its latency, fails, or stays silent past the step timeout. */
    private void call(Saga saga, SagaStep step, boolean compensating, Supplier<StepResult> work,
                      Consumer<StepResult> reply) {
        saga.calls++;
        FaultInjector.Draw draw = faults.get(step.service()).next(compensating);
        Duration timeout = scenario.stepTimeout();
        if (draw.hangs() || draw.latency().compareTo(timeout) > 0) {
            // An unanswered call did nothing: the simulation drops the request, so a late answer never arrives.
            scheduler.at(clock.after(timeout), () -> reply.accept(StepResult.timedOut(
                    step.service() + " did not answer within " + timeout.toMillis() + " ms")));
        } else {
            scheduler.at(clock.after(draw.latency()), () -> reply.accept(
                    draw.failure() != null ? StepResult.failed(draw.failure(), null) : work.get()));
        }
    }

    private String by(SagaStep step) {
        return mode == SagaMode.ORCHESTRATION ? "order-saga" : step.service() + "-service";
    }

    private String by(SagaEvent event) {
        if (mode == SagaMode.ORCHESTRATION) {
            return "order-saga";
        }
        if (event instanceof InventoryReserved || event instanceof InventoryReservationFailed) {
            return "inventory-service";
        }
        if (event instanceof PaymentCharged || event instanceof PaymentFailed) {
            return "payment-service";
        }
        if (event instanceof ShippingScheduled || event instanceof ShippingFailed) {
            return "shipping-service";
        }
        return event instanceof StepCompensated c ? c.step().service() + "-service" : "order-service";
    }

    /** Appends one event to the saga's log, caused by {@code cause}, and folds it into the saga's state. */
    private EventEnvelope record(Saga saga, String by, EventEnvelope cause, SagaEvent event) {
        SagaLog log = SagaLog.type();
        NewEvent e = new NewEvent(eventIds.next(), log.events().typeName(event), SagaLog.NAME,
                saga.orderId, 1, null, log.events().toJson(event),
                Metadata.of(by, cause.correlationId(), cause.eventId()));
        AppendResult appended = store.append(saga.streamId, ExpectedVersion.ANY, List.of(e));
        saga.state = saga.state.evolve(event);
        if (saga.state.status().isFinal()) {
            ended++;
        }
        return store.readStream(saga.streamId, appended.version(), 1, Direction.FORWARDS).get(0);
    }

    private static EventEnvelope lastOf(CommandResult result, EventEnvelope otherwise) {
        if (result instanceof CommandResult.Accepted accepted && !accepted.events().isEmpty()) {
            return accepted.events().get(accepted.events().size() - 1);
        }
        return otherwise;
    }

    private List<SagaSummary> sagaSummaries() {
        List<SagaSummary> out = new ArrayList<>(sagas.size());
        for (Saga saga : sagas.values()) {
            EventEnvelope last = store.readStream(saga.streamId, Long.MAX_VALUE, 1, Direction.BACKWARDS).get(0);
            out.add(new SagaSummary(saga.orderId, saga.streamId, mode, saga.state.status(), saga.startedAt,
                    last.timestamp(), saga.calls, saga.state.compensated().size(), saga.state.reason(),
                    saga.state.total() == null ? BigDecimal.ZERO : saga.state.total()));
        }
        return out;
    }
}
