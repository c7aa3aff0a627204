package io.eventscope.shop.readmodel;

import io.eventscope.engine.saga.SagaStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of saga_status: how a saga stands, the steps it completed and undid (lower-case step
 * names, in the order they happened), the step that failed and why, and when it started and
 * last changed.
 */
public record SagaStatusView(String orderId, String mode, SagaStatus status, String customer, BigDecimal total,
                             int itemCount, List<String> completedSteps, List<String> compensatedSteps,
                             String failedStep, String reason, int compensationAttempts, String paymentId,
                             BigDecimal charged, String trackingNumber, Instant startedAt, Instant updatedAt) {

    public SagaStatusView {
        completedSteps = List.copyOf(completedSteps);
        compensatedSteps = List.copyOf(compensatedSteps);
    }
}
