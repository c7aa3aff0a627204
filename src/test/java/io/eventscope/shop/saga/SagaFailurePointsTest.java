package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.CommandStatus;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.saga.ServiceFaults;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure point in both modes: which steps are undone, in which order, and how the
 * order, the payment and the stock end. One order of two mugs, services answering in 10 ms.
 */
class SagaFailurePointsTest {

    record Case(String name, Map<String, ServiceFaults> faults, int stock, SagaStatus status, List<String> log,
                String orderEnd, List<String> shopEvents) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("nothing fails", Map.of(), 100, SagaStatus.COMPLETED,
                        List.of("SagaStarted", "InventoryReserved", "PaymentCharged", "ShippingScheduled", "SagaCompleted"),
                        "OrderShipped",
                        List.of("OrderCreated", "StockReserved", "PaymentCaptured", "ShipmentScheduled", "OrderPaid",
                                "OrderShipped", "ReservationCommitted")),
                new Case("inventory fails", Map.of("inventory", Scenarios.failsFirstCall()), 100, SagaStatus.COMPENSATED,
                        List.of("SagaStarted", "InventoryReservationFailed", "SagaCompensated"),
                        "OrderCancelled", List.of("OrderCreated", "OrderCancelled")),
                new Case("stock runs out", Map.of(), 0, SagaStatus.COMPENSATED,
                        List.of("SagaStarted", "InventoryReservationFailed", "SagaCompensated"),
                        "OrderCancelled", List.of("OrderCreated", "OrderCancelled")),
                new Case("payment fails", Map.of("payment", Scenarios.failsFirstCall()), 100, SagaStatus.COMPENSATED,
                        List.of("SagaStarted", "InventoryReserved", "PaymentFailed", "StepCompensated:RESERVE",
                                "SagaCompensated"),
                        "OrderCancelled", List.of("OrderCreated", "StockReserved", "StockReleased", "OrderCancelled")),
                new Case("payment times out", Map.of("payment", Scenarios.neverAnswers()), 100, SagaStatus.COMPENSATED,
                        List.of("SagaStarted", "InventoryReserved", "PaymentFailed", "StepCompensated:RESERVE",
                                "SagaCompensated"),
                        "OrderCancelled", List.of("OrderCreated", "StockReserved", "StockReleased", "OrderCancelled")),
                new Case("shipping fails", Map.of("shipping", Scenarios.failsFirstCall()), 100, SagaStatus.COMPENSATED,
                        List.of("SagaStarted", "InventoryReserved", "PaymentCharged", "ShippingFailed",
                                "StepCompensated:CHARGE", "StepCompensated:RESERVE", "SagaCompensated"),
                        "OrderCancelled", List.of("OrderCreated", "StockReserved", "PaymentCaptured", "PaymentRefunded",
                                "StockReleased", "OrderCancelled")),
                new Case("shipping fails and the refund keeps failing",
                        Map.of("shipping", Scenarios.failsFirstCall(), "payment", Scenarios.neverCompensates()), 100,
                        SagaStatus.NEEDS_INTERVENTION,
                        List.of("SagaStarted", "InventoryReserved", "PaymentCharged", "ShippingFailed",
                                "CompensationFailed:CHARGE", "CompensationFailed:CHARGE", "CompensationFailed:CHARGE",
                                "CompensationFailed:CHARGE", "SagaNeedsIntervention"),
                        "OrderCreated", List.of("OrderCreated", "StockReserved", "PaymentCaptured")));
        return Stream.of(SagaMode.values()).flatMap(mode -> cases.stream().map(c -> Arguments.of(mode, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void each_failure_point_undoes_exactly_the_completed_steps_newest_first(SagaMode mode, Case c) {
        SimulationRun run = new Simulation(Scenarios.oneSku(c.stock(), c.faults()), mode, 7).run(1, ProgressMonitor.NONE);
        SagaSummary summary = run.sagas().get(0);
        SagaRecord saga = SagaRecords.read(run.store(), summary.streamId());

        assertThat(saga.status()).isEqualTo(c.status());
        assertThat(saga.steps()).extracting(s -> s.eventType() + step(s)).containsExactlyElementsOf(c.log());
        List<EventEnvelope> correlated = run.store().read(EventFilter.correlation(saga.orderId()), 1, 1000, Direction.FORWARDS);
        assertThat(correlated).filteredOn(e -> !e.aggregateType().equals(SagaLog.NAME)).extracting(EventEnvelope::eventType)
                .containsExactlyElementsOf(c.shopEvents());
        EventEnvelope orderEnd = run.store().readStream("order-" + saga.orderId(), Long.MAX_VALUE, 1, Direction.BACKWARDS).get(0);
        assertThat(orderEnd.eventType()).isEqualTo(c.orderEnd());
        assertThat(run.invariants()).allMatch(Invariant::holds, "every invariant holds");
        assertEveryStepIsCausedWithinItsCorrelation(run, correlated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void a_failing_compensation_is_retried_with_backoff_on_the_clock_then_flagged(SagaMode mode) {
        Scenario scenario = Scenarios.oneSku(100, Map.of("shipping", Scenarios.failsFirstCall(),
                "payment", Scenarios.neverCompensates()));
        SimulationRun run = new Simulation(scenario, mode, 7).run(1, ProgressMonitor.NONE);
        SagaRecord saga = SagaRecords.read(run.store(), run.sagas().get(0).streamId());

        List<SagaStepRecord> failures = saga.steps().stream()
                .filter(s -> s.kind() == StepKind.COMPENSATION_FAILURE).toList();
        assertThat(failures).hasSize(scenario.compensationRetry().maxAttempts());
        // Each retry starts after the backoff's delay, and answers 10 ms later.
        for (int attempt = 1; attempt < failures.size(); attempt++) {
            Duration gap = Duration.between(failures.get(attempt - 1).endedAt(), failures.get(attempt).endedAt());
            assertThat(gap).isEqualTo(scenario.compensationRetry().delayAfter(attempt).plusMillis(10));
        }
        assertThat(failures.get(failures.size() - 1).after().get("compensationAttempts").asInt())
                .isEqualTo(scenario.compensationRetry().maxAttempts());
        SagaStepRecord last = saga.steps().get(saga.steps().size() - 1);
        assertThat(last.eventType()).isEqualTo("SagaNeedsIntervention");
        assertThat(last.detail()).contains("compensation of charge failed 4 times", "payment failed to compensate");
        assertThat(last.after().get("status").asText()).isEqualTo("NEEDS_INTERVENTION");
        assertThat(run.summary().get("needsIntervention").asInt()).isEqualTo(1);
    }

    static Stream<SagaMode> modes() {
        return Stream.of(SagaMode.values());
    }

    /** StepCompensated and CompensationFailed name the step they undo: the step of their service's lane. */
    private static String step(SagaStepRecord s) {
        if (!s.eventType().equals("StepCompensated") && !s.eventType().equals("CompensationFailed")) {
            return "";
        }
        return ":" + Stream.of(SagaStep.values()).filter(step -> step.service().equals(s.lane())).findFirst().orElseThrow();
    }

    /** Every command and event of the order leads back, cause by cause, to the CreateOrder at its root. */
    private static void assertEveryStepIsCausedWithinItsCorrelation(SimulationRun run, List<EventEnvelope> correlated) {
        EventStore store = run.store();
        Set<String> known = new HashSet<>();
        List<JournalEntry> commands = run.journal().byCorrelationId(correlated.get(0).correlationId());
        assertThat(commands.get(0).command().commandType()).isEqualTo("CreateOrder");
        assertThat(commands.get(0).command().causationId()).isNull();
        commands.forEach(c -> known.add(c.commandId()));
        correlated.forEach(e -> known.add(e.eventId()));
        for (JournalEntry c : commands.subList(1, commands.size())) {
            assertThat(known).as("cause of %s", c.command().commandType()).contains(c.command().causationId());
            assertThat(c.status()).isIn(CommandStatus.ACCEPTED, CommandStatus.REJECTED);
        }
        for (EventEnvelope e : correlated) {
            assertThat(known).as("cause of %s", e.eventType()).contains(e.causationId());
        }
        assertThat(store.count(EventFilter.ALL)).isPositive();
    }
}
