package io.eventscope.shop.payment;

/** What happened to one payment. */
public sealed interface PaymentEvent permits PaymentCaptured, PaymentRefunded {
    String paymentId();
}
