package io.eventscope.shop.payment;

import io.eventscope.shop.Check;
import io.eventscope.shop.form.OptionalField;
import java.math.BigDecimal;

/** Gives back some or all of a captured payment. */
public record RefundPayment(@OptionalField("the orderId when absent") String paymentId, String orderId,
                            BigDecimal amount, String reason) implements PaymentCommand {
    public RefundPayment {
        Check.text(orderId, "orderId");
        paymentId = paymentId == null || paymentId.isBlank() ? orderId : paymentId;
        Check.amount(amount, "amount");
        Check.text(reason, "reason");
    }
}
