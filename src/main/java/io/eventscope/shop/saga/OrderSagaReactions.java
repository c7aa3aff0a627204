package io.eventscope.shop.saga;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.whatif.Decided;
import io.eventscope.engine.whatif.SagaEffect;
import io.eventscope.engine.whatif.SagaReactions;
import io.eventscope.shop.Item;
import io.eventscope.shop.inventory.CommitStock;
import io.eventscope.shop.inventory.ReleaseStock;
import io.eventscope.shop.inventory.ReserveStock;
import io.eventscope.shop.order.CancelOrder;
import io.eventscope.shop.order.PayOrder;
import io.eventscope.shop.order.ShipOrder;
import io.eventscope.shop.payment.ChargePayment;
import io.eventscope.shop.payment.RefundPayment;
import io.eventscope.shop.saga.SagaEvent.CompensationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReservationFailed;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.SagaCompensated;
import io.eventscope.shop.saga.SagaEvent.SagaCompleted;
import io.eventscope.shop.saga.SagaEvent.SagaNeedsIntervention;
import io.eventscope.shop.saga.SagaEvent.ShippingFailed;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import io.eventscope.shop.shipment.CancelShipment;
import io.eventscope.shop.shipment.ScheduleShipment;
import java.util.List;
import java.util.Set;

/**
 * The order saga's reactions for what-if branches: what it records after each step's outcome
 * and what it issues next, by {@link OrderSaga#next} in both modes (choreography undoes the same
 * steps in the same order). Services are the shop's deciders only: a card declined by a
 * simulated balance or a service timing out is not decided again.
 */
public final class OrderSagaReactions implements SagaReactions {
    public static final OrderSagaReactions INSTANCE = new OrderSagaReactions();

    private static final Set<String> SAGA_COMMANDS = Set.of("ReserveStock", "ReleaseStock", "CommitStock",
            "ChargePayment", "RefundPayment", "ScheduleShipment", "CancelShipment", "PayOrder", "ShipOrder",
            "CancelOrder");

    private OrderSagaReactions() {
    }

    /** A saga's commands react to an event (they have a cause) and name the order whose saga it is. */
    @Override
    public String sagaOf(CommandEnvelope command) {
        if (command.causationId() == null || !SAGA_COMMANDS.contains(command.commandType())) {
            return null;
        }
        String orderId = command.payload().path("orderId").asText("");
        return orderId.isEmpty() ? null : StreamIds.of(SagaLog.NAME, orderId);
    }

    @Override
    public List<SagaEffect> next(List<EventEnvelope> log, CommandEnvelope issued, Decided outcome) {
        SagaState state = fold(log);
        if (state.status() == null || state.status().isFinal()) {
            return List.of();
        }
        return issued == null ? act(state) : after(state, issued.commandType(), issued.payload(), outcome);
    }

    private static SagaState fold(List<EventEnvelope> log) {
        SagaState state = SagaState.NONE;
        for (EventEnvelope e : log) {
            state = state.evolve(SagaLog.type().events().fromJson(e.eventType(), e.data()));
        }
        return state;
    }

    /** The orchestrator's next action, as the command that starts it. */
    private static List<SagaEffect> act(SagaState s) {
        OrderSaga.Action next = OrderSaga.next(s);
        if (next instanceof OrderSaga.Call call) {
            return switch (call.step()) {
                case RESERVE -> issue(s, "inventory", reserve(s, s.items().get(0)));
                case CHARGE -> issue(s, "payment", new ChargePayment(s.orderId(), s.orderId(), s.total()));
                case SHIP -> issue(s, "shipping", new ScheduleShipment(s.orderId(), SimulatedServices.WAREHOUSE_PICKUP));
            };
        }
        if (next instanceof OrderSaga.Compensate compensate) {
            String why = "saga of order " + s.orderId() + " compensated";
            return switch (compensate.step()) {
                case RESERVE -> issue(s, "inventory", release(s, s.items().get(0)));
                case CHARGE -> issue(s, "payment", new RefundPayment(s.paymentId(), s.orderId(), s.charged(), why));
                case SHIP -> issue(s, "shipping", new CancelShipment(s.orderId(), why));
            };
        }
        if (next instanceof OrderSaga.Complete) {
            return issue(s, "order", new PayOrder(s.orderId(), s.total()));
        }
        if (next instanceof OrderSaga.Cancel cancel) {
            return issue(s, "order", new CancelOrder(s.orderId(), cancel.reason()));
        }
        return List.of();
    }

    /** What follows the command the saga issued last, given how the branch decided it. */
    private static List<SagaEffect> after(SagaState s, String type, JsonNode payload, Decided outcome) {
        boolean ok = outcome.accepted();
        String reason = outcome.reason();
        Item following = following(s, payload.path("sku").asText(""));
        switch (type) {
            case "ReserveStock":
                if (!ok) {
                    return record(new InventoryReservationFailed(s.orderId(), reason, false));
                }
                return following != null ? issue(s, "inventory", reserve(s, following))
                        : record(new InventoryReserved(s.orderId(), s.customer(), s.total(), s.items()));
            case "ChargePayment":
                return record(ok ? new PaymentCharged(s.orderId(), payload.path("paymentId").asText(s.orderId()),
                        s.total()) : new PaymentFailed(s.orderId(), reason, false));
            case "ScheduleShipment":
                return record(ok ? new ShippingScheduled(s.orderId(), "TRK-" + s.orderId())
                        : new ShippingFailed(s.orderId(), reason, false));
            case "ReleaseStock":
                if (ok && following != null) {
                    return issue(s, "inventory", release(s, following));
                }
                return compensated(s, SagaStep.RESERVE, outcome);
            case "RefundPayment":
                return compensated(s, SagaStep.CHARGE, outcome);
            case "CancelShipment":
                return compensated(s, SagaStep.SHIP, outcome);
            case "PayOrder":
                return issue(s, "order", new ShipOrder(s.orderId(), s.trackingNumber()));
            case "ShipOrder":
                return issue(s, "inventory", commit(s, s.items().get(0)));
            case "CommitStock":
                return following != null ? issue(s, "inventory", commit(s, following))
                        : record(new SagaCompleted(s.orderId()));
            case "CancelOrder":
                return record(new SagaCompensated(s.orderId(), s.reason()));
            default:
                return act(s);
        }
    }

    /** A compensation refused by a decider would be refused again on every retry: a person has to step in. */
    private static List<SagaEffect> compensated(SagaState s, SagaStep step, Decided outcome) {
        if (outcome.accepted()) {
            return record(new StepCompensated(s.orderId(), step, 1));
        }
        return List.of(effect(new CompensationFailed(s.orderId(), step, 1, outcome.reason(), null)),
                effect(new SagaNeedsIntervention(s.orderId(), step, "compensation of " + step.name().toLowerCase()
                        + " failed 1 times; last: " + outcome.reason(), 1)));
    }

    /** The order's item after the one with {@code sku}; null after the last (or when none has it). */
    private static Item following(SagaState s, String sku) {
        List<Item> items = s.items();
        for (int i = 0; i < items.size() - 1; i++) {
            if (items.get(i).sku().equals(sku)) {
                return items.get(i + 1);
            }
        }
        return null;
    }

    private static ReserveStock reserve(SagaState s, Item item) {
        return new ReserveStock(item.sku(), s.orderId(), item.quantity());
    }

    private static ReleaseStock release(SagaState s, Item item) {
        return new ReleaseStock(item.sku(), s.orderId(), item.quantity());
    }

    private static CommitStock commit(SagaState s, Item item) {
        return new CommitStock(item.sku(), s.orderId(), item.quantity());
    }

    /** Issued by the orchestrator, or in choreography by the service that owns the step. */
    private static List<SagaEffect> issue(SagaState s, String service, Object command) {
        String user = SagaMode.ORCHESTRATION.label().equals(s.mode()) ? "order-saga" : service + "-service";
        return List.of(new SagaEffect.Issue(command.getClass().getSimpleName(), Json.MAPPER.valueToTree(command), user));
    }

    private static List<SagaEffect> record(SagaEvent event) {
        return List.of(effect(event));
    }

    private static SagaEffect effect(SagaEvent event) {
        return new SagaEffect.Record(SagaLog.type().events().typeName(event), SagaLog.type().events().toJson(event));
    }
}
