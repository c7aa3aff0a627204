package io.eventscope.shop.payment;

/** CAPTURED until refunds add up to the whole amount. */
public enum PaymentStatus { CAPTURED, REFUNDED }
