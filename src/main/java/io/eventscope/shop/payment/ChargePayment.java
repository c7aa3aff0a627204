package io.eventscope.shop.payment;

import io.eventscope.shop.Check;
import io.eventscope.shop.form.OptionalField;
import java.math.BigDecimal;

/** Captures money for an order. One payment per order unless a paymentId is given. */
public record ChargePayment(@OptionalField("the orderId when absent") String paymentId, String orderId,
                            BigDecimal amount) implements PaymentCommand {
    public ChargePayment {
        Check.text(orderId, "orderId");
        paymentId = paymentId == null || paymentId.isBlank() ? orderId : paymentId;
        Check.amount(amount, "amount");
    }
}
