package io.eventscope.shop.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.projection.ReadModels;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.shop.Item;
import io.eventscope.shop.saga.SagaEvent;
import io.eventscope.shop.saga.SagaEvent.CompensationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReservationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.SagaCompensated;
import io.eventscope.shop.saga.SagaEvent.SagaCompleted;
import io.eventscope.shop.saga.SagaEvent.SagaNeedsIntervention;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaEvent.ShippingFailed;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import io.eventscope.shop.saga.SagaLog;
import io.eventscope.shop.saga.SagaMode;
import io.eventscope.shop.saga.SagaState;
import io.eventscope.shop.saga.SagaStep;
import io.eventscope.shop.saga.SagaSummary;
import io.eventscope.shop.saga.Scenario;
import io.eventscope.shop.saga.Simulation;
import io.eventscope.shop.saga.SimulationRun;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The saga status read model says, for every saga log, what a fold of that log (SagaState) says. */
class SagaStatusProperties {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    /**
     * Any saga events in any order after each log's SagaStarted, interleaved across sagas, applied
     * one transaction per event (each row read, changed, written) and all in one transaction
     * (folded in memory, each row written once).
     */
    @Property(tries = 40)
    void every_row_equals_the_fold_of_its_saga_log(@ForAll("interleavedLogs") List<SagaEvent> events) {
        EventStore store = new InMemoryEventStore();
        Map<String, Long> versions = new HashMap<>();
        try (ReadModels eventByEvent = ReadModels.open(null, store, List.of(new SagaStatusProjection()), false)) {
            for (int i = 0; i < events.size(); i++) {
                SagaEvent e = events.get(i);
                String stream = SagaLog.NAME + "-" + e.orderId();
                long version = versions.merge(stream, 1L, Long::sum);
                store.append(stream, ExpectedVersion.exactly(version - 1), List.of(new NewEvent("e" + i,
                        e.getClass().getSimpleName(), null, null, 1, START.plusMillis(1_000L * i + i % 7),
                        SagaLog.type().events().toJson(e), Metadata.of("prop", "corr-" + e.orderId(), null))));
                eventByEvent.catchUp();
            }
            // an event of no saga last: the checkpoint still reaches the head, though saga streams are all it reads
            store.append("other-1", ExpectedVersion.ANY, List.of(NewEvent.of("Noted", Json.object(), Metadata.EMPTY)));
            eventByEvent.catchUp();
            assertReadModelIsTheFold(store, eventByEvent);
        }
        assertReadModelIsTheFold(store);
    }

    /** Sagas as the simulator runs them, in both modes, with failures injected into every service. */
    @Property(tries = 6)
    void sagas_the_simulator_ran_have_the_status_of_their_fold(@ForAll SagaMode mode, @ForAll @IntRange(max = 1_000) int seed,
                                                               @ForAll @DoubleRange(max = 0.6) double failure) {
        Scenario scenario = Scenario.DEFAULT.withFailures(Map.of("inventory", failure / 2, "payment", failure,
                "shipping", failure / 2, "compensation", failure / 2));
        SimulationRun run = new Simulation(scenario, mode, seed).run(30, ProgressMonitor.NONE);
        EventStore store = new InMemoryEventStore();
        run.storeInto(store, new InMemoryCommandJournal(), ProgressMonitor.NONE);
        assertReadModelIsTheFold(store);
        try (ReadModels models = ReadModels.open(null, store, List.of(new SagaStatusProjection()), false)) {
            models.catchUp();
            SagaStatusQueryHandler sagas = new SagaStatusQueryHandler(models);
            for (SagaStatus status : SagaStatus.values()) {
                assertThat(sagas.sagas(status)).extracting(SagaStatusView::orderId)
                        .containsExactlyElementsOf(run.sagas().stream().filter(s -> s.status() == status)
                                .map(SagaSummary::orderId).toList());
            }
        }
    }

    /** Catches a new read model up in one go and compares. */
    private static void assertReadModelIsTheFold(EventStore store) {
        try (ReadModels models = ReadModels.open(null, store, List.of(new SagaStatusProjection()), false)) {
            models.catchUp();
            assertReadModelIsTheFold(store, models);
        }
    }

    private static void assertReadModelIsTheFold(EventStore store, ReadModels models) {
        assertThat(models.status(SagaStatusProjection.NAME).lag()).isZero();
        Map<String, SagaStatusView> rows = new HashMap<>();
        new SagaStatusQueryHandler(models).sagas(null).forEach(r -> rows.put(r.orderId(), r));
        List<SagaStatusView> folded = new ArrayList<>();
        for (StreamInfo stream : store.streams()) {
            if (stream.streamId().startsWith(SagaLog.NAME + "-")) {
                folded.add(fold(store.readStream(stream.streamId(), 1, Integer.MAX_VALUE, Direction.FORWARDS)));
            }
        }
        assertThat(rows).hasSameSizeAs(folded);
        for (SagaStatusView expected : folded) {
            assertThat(rows.get(expected.orderId())).as(expected.orderId()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
        }
    }

    /** What the read model should say: the saga's state after its whole log, and when it started and last changed. */
    private static SagaStatusView fold(List<EventEnvelope> log) {
        SagaState state = SagaLog.type().initialState();
        for (EventEnvelope e : log) {
            state = SagaLog.type().evolve(state, SagaLog.type().events().fromJson(e.eventType(), e.data()));
        }
        return new SagaStatusView(state.orderId(), state.mode(), state.status(), state.customer(), state.total(),
                state.items().size(), names(state.completed()), names(state.compensated()),
                state.failedStep() == null ? null : SagaStatusProjection.step(state.failedStep()), state.reason(),
                state.compensationAttempts(), state.paymentId(), state.charged(), state.trackingNumber(),
                log.get(0).timestamp(), log.get(log.size() - 1).timestamp());
    }

    private static List<String> names(List<SagaStep> steps) {
        return steps.stream().map(SagaStatusProjection::step).toList();
    }

    @Provide
    Arbitrary<List<SagaEvent>> interleavedLogs() {
        return Arbitraries.integers().between(1, 4).flatMap(sagas -> {
            List<Arbitrary<List<SagaEvent>>> logs = new ArrayList<>();
            for (int n = 1; n <= sagas; n++) {
                logs.add(log("o" + n));
            }
            return Combinators.combine(logs).as(all -> all).flatMap(all -> interleave(all));
        });
    }

    /** One saga's log: its start, then any of the other saga events. */
    private static Arbitrary<List<SagaEvent>> log(String orderId) {
        Arbitrary<String> reasons = Arbitraries.of("out of stock", "card declined", "timed out", "no courier");
        Arbitrary<SagaStep> steps = Arbitraries.of(SagaStep.class);
        Arbitrary<BigDecimal> money = Arbitraries.of(new BigDecimal("12.50"), new BigDecimal("39.80"));
        Arbitrary<SagaEvent> start = Combinators.combine(Arbitraries.of("orchestration", "choreography"),
                Arbitraries.of("ann", "bob"), money, Arbitraries.integers().between(1, 3))
                .as((mode, customer, total, lines) -> new SagaStarted(orderId, mode, customer, total,
                        Collections.nCopies(lines, new Item("mug", 1, total))));
        Arbitrary<SagaEvent> next = Arbitraries.oneOf(
                Arbitraries.just(new InventoryReserved(orderId, "ann", new BigDecimal("12.50"), List.of())),
                Combinators.combine(reasons, Arbitraries.of(true, false)).as((r, t) -> new InventoryReservationFailed(orderId, r, t)),
                money.map(m -> new PaymentCharged(orderId, "pay-" + orderId, m)),
                Combinators.combine(reasons, Arbitraries.of(true, false)).as((r, t) -> new PaymentFailed(orderId, r, t)),
                Arbitraries.of("T-1", "T-2").map(t -> new ShippingScheduled(orderId, t)),
                Combinators.combine(reasons, Arbitraries.of(true, false)).as((r, t) -> new ShippingFailed(orderId, r, t)),
                Combinators.combine(steps, Arbitraries.integers().between(1, 4)).as((s, a) -> new StepCompensated(orderId, s, a)),
                Combinators.combine(steps, Arbitraries.integers().between(1, 4), reasons)
                        .as((s, a, r) -> new CompensationFailed(orderId, s, a, r, null)),
                Arbitraries.just(new SagaCompleted(orderId)),
                reasons.map(r -> new SagaCompensated(orderId, r)),
                Combinators.combine(steps, reasons).as((s, r) -> new SagaNeedsIntervention(orderId, s, r, 4)));
        return Combinators.combine(start, next.list().ofMaxSize(10)).as((first, rest) -> {
            List<SagaEvent> all = new ArrayList<>();
            all.add(first);
            all.addAll(rest);
            return all;
        });
    }

    /** The logs merged in a random order that keeps each log's own order. */
    private static Arbitrary<List<SagaEvent>> interleave(List<List<SagaEvent>> logs) {
        int total = logs.stream().mapToInt(List::size).sum();
        return Arbitraries.integers().between(0, logs.size() - 1).list().ofSize(total).map(picks -> {
            List<List<SagaEvent>> left = new ArrayList<>();
            logs.forEach(l -> left.add(new ArrayList<>(l)));
            List<SagaEvent> out = new ArrayList<>();
            for (int pick : picks) {
                int i = pick;
                while (left.get(i).isEmpty()) {
                    i = (i + 1) % left.size();
                }
                out.add(left.get(i).remove(0));
            }
            return out;
        });
    }
}
