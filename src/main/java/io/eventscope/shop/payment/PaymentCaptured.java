package io.eventscope.shop.payment;

import io.eventscope.shop.SchemaVersion;
import java.math.BigDecimal;

/** v1 was called PaymentProcessed {paymentId, orderId, total}; the upcasters in shop/upcast rename it. */
@SchemaVersion(2)
public record PaymentCaptured(String paymentId, String orderId, BigDecimal amount, String currency)
        implements PaymentEvent {
}
