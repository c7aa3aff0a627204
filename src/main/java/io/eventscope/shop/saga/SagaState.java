package io.eventscope.shop.saga;

import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.shop.Item;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A saga as its log left it: which steps completed and which were undone, in order, the
 * money it took and why it is compensating. Before SagaStarted every field is empty.
 */
public record SagaState(String orderId, String mode, SagaStatus status, String customer, BigDecimal total,
                        List<Item> items, List<SagaStep> completed, List<SagaStep> compensated,
                        String paymentId, BigDecimal charged, String trackingNumber,
                        SagaStep failedStep, String reason, int compensationAttempts) {

    public static final SagaState NONE = new SagaState(null, null, null, null, null, List.of(), List.of(), List.of(),
            null, null, null, null, null, 0);

    public SagaState {
        items = List.copyOf(items);
        completed = List.copyOf(completed);
        compensated = List.copyOf(compensated);
    }

    public SagaState evolve(SagaEvent event) {
        if (event instanceof SagaStarted e) {
            return new SagaState(e.orderId(), e.mode(), SagaStatus.RUNNING, e.customer(), e.total(), e.items(),
                    List.of(), List.of(), null, null, null, null, null, 0);
        }
        if (event instanceof InventoryReserved) {
            return completing(SagaStep.RESERVE, paymentId, charged, trackingNumber);
        }
        if (event instanceof PaymentCharged e) {
            return completing(SagaStep.CHARGE, e.paymentId(), e.amount(), trackingNumber);
        }
        if (event instanceof ShippingScheduled e) {
            return completing(SagaStep.SHIP, paymentId, charged, e.trackingNumber());
        }
        if (event instanceof InventoryReservationFailed e) {
            return failing(SagaStep.RESERVE, e.reason());
        }
        if (event instanceof PaymentFailed e) {
            return failing(SagaStep.CHARGE, e.reason());
        }
        if (event instanceof ShippingFailed e) {
            return failing(SagaStep.SHIP, e.reason());
        }
        if (event instanceof StepCompensated e) {
            return new SagaState(orderId, mode, status, customer, total, items, completed, plus(compensated, e.step()),
                    paymentId, e.step() == SagaStep.CHARGE ? BigDecimal.ZERO.setScale(2) : charged, trackingNumber,
                    failedStep, reason, 0);
        }
        if (event instanceof CompensationFailed e) {
            return new SagaState(orderId, mode, status, customer, total, items, completed, compensated, paymentId,
                    charged, trackingNumber, failedStep, reason, e.attempt());
        }
        if (event instanceof SagaCompleted) {
            return ending(SagaStatus.COMPLETED, reason);
        }
        if (event instanceof SagaCompensated e) {
            return ending(SagaStatus.COMPENSATED, e.reason());
        }
        if (event instanceof SagaNeedsIntervention e) {
            return ending(SagaStatus.NEEDS_INTERVENTION, e.reason());
        }
        throw new IllegalArgumentException("not a saga event: " + event);
    }

    private SagaState completing(SagaStep step, String payment, BigDecimal amount, String tracking) {
        return new SagaState(orderId, mode, status, customer, total, items, plus(completed, step), compensated,
                payment, amount, tracking, failedStep, reason, compensationAttempts);
    }

    private SagaState failing(SagaStep step, String why) {
        return new SagaState(orderId, mode, SagaStatus.COMPENSATING, customer, total, items, completed, compensated,
                paymentId, charged, trackingNumber, step, why, 0);
    }

    private SagaState ending(SagaStatus end, String why) {
        return new SagaState(orderId, mode, end, customer, total, items, completed, compensated, paymentId, charged,
                trackingNumber, failedStep, why, compensationAttempts);
    }

    private static List<SagaStep> plus(List<SagaStep> steps, SagaStep step) {
        List<SagaStep> more = new ArrayList<>(steps);
        more.add(step);
        return more;
    }
}
