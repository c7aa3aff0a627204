package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.whatif.Change;
import io.eventscope.engine.whatif.CommandOutcome;
import io.eventscope.engine.whatif.Fork;
import io.eventscope.engine.whatif.Scope;
import io.eventscope.engine.whatif.ShopHistory;
import io.eventscope.engine.whatif.StateComparison;
import io.eventscope.engine.whatif.Verdict;
import io.eventscope.engine.whatif.WhatIf;
import io.eventscope.engine.whatif.WhatIfResult;
import io.eventscope.shop.Shop;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A saga's reactions decided again in a what-if branch: one order whose saga completed, stored
 * in a real H2 file; in the branch its payment is refused, so the saga compensates instead.
 */
class SagaWhatIfTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SagaMode.class)
    void a_branch_where_the_payment_fails_shows_the_sagas_compensation_commands_and_drops_what_it_no_longer_issues(
            SagaMode mode) {
        try (Engine engine = ShopHistory.open(dir.resolve("sagas").toString())) {
            SimulationRun run = new Simulation(Scenarios.oneSku(100, Map.of()), mode, 7).run(1, ProgressMonitor.NONE);
            run.storeInto(engine.store(), engine.journal(), ProgressMonitor.NONE);
            String orderId = run.sagas().get(0).orderId();
            JournalEntry charge = engine.journal().byCorrelationId(orderId).stream()
                    .filter(c -> c.command().commandType().equals("ChargePayment")).findFirst().orElseThrow();
            EventEnvelope reserved = correlated(engine, orderId).stream()
                    .filter(e -> e.eventId().equals(charge.command().causationId())).findFirst().orElseThrow();
            assertThat(reserved.eventType()).isEqualTo("InventoryReserved");

            // Someone else captured a payment under the order's payment id just before the saga charged it.
            CommandEnvelope before = CommandEnvelope.of("ChargePayment", Json.parse(
                    "{\"paymentId\": \"" + orderId + "\", \"orderId\": \"other\", \"amount\": 1.00}"), "mallory", orderId);
            WhatIfResult result = new WhatIf(engine.store(), engine.journal(), Shop.aggregateTypes(),
                    OrderSagaReactions.INSTANCE).run(new Fork(reserved.position(), Scope.correlation(orderId),
                    new Change.Insert(before)), ProgressMonitor.NONE);

            List<CommandOutcome> outcomes = result.outcomes();
            assertThat(outcomes).extracting(o -> o.command().commandType(), CommandOutcome::verdict).containsExactly(
                    tuple("ChargePayment", Verdict.INSERTED),
                    tuple("ChargePayment", Verdict.NOW_REJECTED),
                    tuple("ReleaseStock", Verdict.REACTION),
                    tuple("CancelOrder", Verdict.REACTION),
                    tuple("ScheduleShipment", Verdict.NOT_ISSUED),
                    tuple("PayOrder", Verdict.NOT_ISSUED),
                    tuple("ShipOrder", Verdict.NOT_ISSUED),
                    tuple("CommitStock", Verdict.NOT_ISSUED));
            assertThat(outcomes.get(1).branch().reason()).isEqualTo("Payment " + orderId
                    + " is already captured (1.00 EUR for order other).");
            CommandOutcome release = outcomes.get(2);
            assertThat(release.branch().events()).extracting(EventEnvelope::eventType).containsExactly("StockReleased");
            assertThat(release.command().causationId()).as("caused by the saga's PaymentFailed")
                    .isEqualTo(eventOfType(result, "PaymentFailed").eventId());
            assertThat(release.command().correlationId()).isEqualTo(orderId);
            CommandOutcome cancel = outcomes.get(3);
            assertThat(cancel.branch().events()).extracting(EventEnvelope::eventType).containsExactly("OrderCancelled");
            assertThat(cancel.branch().events().get(0).data().get("reason").asText())
                    .isEqualTo(outcomes.get(1).branch().reason());

            assertThat(result.branchLog()).filteredOn(e -> e.aggregateType().equals(SagaLog.NAME))
                    .extracting(EventEnvelope::eventType).containsExactly("SagaStarted", "InventoryReserved",
                            "PaymentFailed", "StepCompensated", "SagaCompensated");
            assertThat(state(result, "saga-" + orderId).original().get("status").asText()).isEqualTo("COMPLETED");
            assertThat(state(result, "saga-" + orderId).branch().get("status").asText()).isEqualTo("COMPENSATED");
            assertThat(state(result, "order-" + orderId).branch().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(engine.store().read(EventFilter.ALL, 1, 10_000, Direction.FORWARDS))
                    .as("the store is not written").hasSize((int) run.store().headPosition());
        }
    }

    @ParameterizedTest
    @EnumSource(SagaMode.class)
    void an_unchanged_fork_of_a_saga_run_is_the_same_for_every_command(SagaMode mode) {
        try (Engine engine = ShopHistory.open(dir.resolve("same").toString())) {
            SimulationRun run = new Simulation(Scenarios.oneSku(100, Map.of()), mode, 7).run(1, ProgressMonitor.NONE);
            run.storeInto(engine.store(), engine.journal(), ProgressMonitor.NONE);
            String orderId = run.sagas().get(0).orderId();
            WhatIfResult result = new WhatIf(engine.store(), engine.journal(), Shop.aggregateTypes(),
                    OrderSagaReactions.INSTANCE).run(new Fork(correlated(engine, orderId).get(0).position(),
                    Scope.correlation(orderId), new Change.Keep()), ProgressMonitor.NONE);

            assertThat(result.outcomes()).isNotEmpty().allMatch(o -> o.verdict() == Verdict.SAME);
            assertThat(result.differs()).isFalse();
        }
    }

    private static List<EventEnvelope> correlated(Engine engine, String orderId) {
        return engine.store().read(EventFilter.correlation(orderId), 1, 1_000, Direction.FORWARDS);
    }

    private static EventEnvelope eventOfType(WhatIfResult result, String type) {
        return result.branchLog().stream().filter(e -> e.eventType().equals(type)).findFirst().orElseThrow();
    }

    private static StateComparison state(WhatIfResult result, String streamId) {
        return result.states().stream().filter(s -> s.streamId().equals(streamId)).findFirst().orElseThrow();
    }
}
