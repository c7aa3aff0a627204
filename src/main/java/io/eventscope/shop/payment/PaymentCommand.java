package io.eventscope.shop.payment;

/** What is asked of one payment. */
public sealed interface PaymentCommand permits ChargePayment, RefundPayment {
    String paymentId();
}
