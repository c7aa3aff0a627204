package io.eventscope.shop.order;

/** What a person or a saga asks of an order. */
public sealed interface OrderCommand permits CreateOrder, PayOrder, ShipOrder, CancelOrder {
    String orderId();
}
