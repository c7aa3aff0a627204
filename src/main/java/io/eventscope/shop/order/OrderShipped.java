package io.eventscope.shop.order;

public record OrderShipped(String orderId, String trackingNumber) implements OrderEvent {
}
