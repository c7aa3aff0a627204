package io.eventscope.shop.payment;

import java.math.BigDecimal;

/** A payment as its events left it. Before PaymentCaptured every field is empty. */
public record PaymentState(String paymentId, String orderId, PaymentStatus status, BigDecimal amount,
                           String currency, BigDecimal refundedAmount) {

    public static final PaymentState NONE = new PaymentState(null, null, null, null, null, null);

    public boolean exists() {
        return status != null;
    }

    /** What can still be refunded. */
    public BigDecimal refundable() {
        return amount.subtract(refundedAmount);
    }

    PaymentState captured(PaymentCaptured e) {
        return new PaymentState(e.paymentId(), e.orderId(), PaymentStatus.CAPTURED, e.amount(), e.currency(),
                BigDecimal.ZERO);
    }

    PaymentState refunded(PaymentRefunded e) {
        BigDecimal refunded = refundedAmount.add(e.amount());
        PaymentStatus next = refunded.compareTo(amount) >= 0 ? PaymentStatus.REFUNDED : status;
        return new PaymentState(paymentId, orderId, next, amount, currency, refunded);
    }
}
