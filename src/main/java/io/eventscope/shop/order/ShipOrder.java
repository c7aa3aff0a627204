package io.eventscope.shop.order;

import io.eventscope.shop.Check;

public record ShipOrder(String orderId, String trackingNumber) implements OrderCommand {
    public ShipOrder {
        Check.text(orderId, "orderId");
        Check.text(trackingNumber, "trackingNumber");
    }
}
