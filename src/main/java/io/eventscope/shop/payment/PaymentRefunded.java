package io.eventscope.shop.payment;

import java.math.BigDecimal;

public record PaymentRefunded(String paymentId, String orderId, BigDecimal amount, String reason)
        implements PaymentEvent {
}
