package io.eventscope.shop.order;

import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import java.math.BigDecimal;
import java.util.List;

/** An order as its events left it. Before OrderCreated every field is empty and status is null. */
public record OrderState(String orderId, String userId, OrderStatus status, List<Item> items,
                         BigDecimal total, String currency, BigDecimal paidAmount, String trackingNumber,
                         Address shippingAddress, String cancelReason) {

    public static final OrderState NONE = new OrderState(null, null, null, List.of(), null, null, null, null, null, null);

    public OrderState {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean exists() {
        return status != null;
    }

    OrderState created(OrderCreated e) {
        return new OrderState(e.orderId(), e.userId(), OrderStatus.PENDING, e.items(), e.amount(), e.currency(),
                null, null, e.shippingAddress(), null);
    }

    OrderState paid(OrderPaid e) {
        return new OrderState(orderId, userId, OrderStatus.PAID, items, total, currency, e.amount(),
                trackingNumber, shippingAddress, cancelReason);
    }

    OrderState shipped(OrderShipped e) {
        return new OrderState(orderId, userId, OrderStatus.SHIPPED, items, total, currency, paidAmount,
                e.trackingNumber(), shippingAddress, cancelReason);
    }

    OrderState cancelled(OrderCancelled e) {
        return new OrderState(orderId, userId, OrderStatus.CANCELLED, items, total, currency, paidAmount,
                trackingNumber, shippingAddress, e.reason());
    }
}
