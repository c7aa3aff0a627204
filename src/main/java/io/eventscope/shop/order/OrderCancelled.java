package io.eventscope.shop.order;

public record OrderCancelled(String orderId, String reason) implements OrderEvent {
}
