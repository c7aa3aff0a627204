package io.eventscope.shop.order;

/** What happened to an order. Stored as facts: no validation on construction. */
public sealed interface OrderEvent permits OrderCreated, OrderPaid, OrderShipped, OrderCancelled {
    String orderId();
}
