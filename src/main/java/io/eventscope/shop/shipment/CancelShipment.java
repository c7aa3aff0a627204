package io.eventscope.shop.shipment;

import io.eventscope.shop.Check;

public record CancelShipment(String orderId, String reason) implements ShipmentCommand {
    public CancelShipment {
        Check.text(orderId, "orderId");
        Check.text(reason, "reason");
    }
}
