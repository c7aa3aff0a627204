package io.eventscope.shop.saga;

import io.eventscope.shop.Item;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a saga's log (stream {@code saga-<orderId>}) records, in either mode: the orchestrator
 * writes these in orchestration, each service writes its own in choreography. Its outcome is an
 * event too (SagaCompleted, SagaCompensated, SagaNeedsIntervention), so a projection can keep
 * saga statuses without knowing how sagas run.
 */
public sealed interface SagaEvent {
    String orderId();

    record SagaStarted(String orderId, String mode, String customer, BigDecimal total, List<Item> items)
            implements SagaEvent {
    }

    /** Carries the customer and the total: the seed's InventoryReserved lacked what payment needs next. */
    record InventoryReserved(String orderId, String customer, BigDecimal total, List<Item> items) implements SagaEvent {
    }

    record InventoryReservationFailed(String orderId, String reason, boolean timedOut) implements SagaEvent {
    }

    /** The seed's PaymentProcessed: that name is taken by the shop's v1 payment event, which upcasters rewrite. */
    record PaymentCharged(String orderId, String paymentId, BigDecimal amount) implements SagaEvent {
    }

    record PaymentFailed(String orderId, String reason, boolean timedOut) implements SagaEvent {
    }

    record ShippingScheduled(String orderId, String trackingNumber) implements SagaEvent {
    }

    record ShippingFailed(String orderId, String reason, boolean timedOut) implements SagaEvent {
    }

    /** A completed step undone by its service, after {@code attempts} tries. */
    record StepCompensated(String orderId, SagaStep step, int attempts) implements SagaEvent {
    }

    /** A compensation that failed; tried again at {@code retryAt}, or never when it is null. */
    record CompensationFailed(String orderId, SagaStep step, int attempt, String reason, Instant retryAt)
            implements SagaEvent {
    }

    record SagaCompleted(String orderId) implements SagaEvent {
    }

    record SagaCompensated(String orderId, String reason) implements SagaEvent {
    }

    /** A compensation kept failing: a person must finish it. Never silent (the seed logged and dropped it). */
    record SagaNeedsIntervention(String orderId, SagaStep step, String reason, int attempts) implements SagaEvent {
    }
}
