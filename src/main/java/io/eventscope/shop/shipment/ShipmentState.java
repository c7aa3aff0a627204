package io.eventscope.shop.shipment;

import io.eventscope.shop.Address;

/** The shipment of an order as its events left it. Before ShipmentScheduled every field is empty. */
public record ShipmentState(String orderId, ShipmentStatus status, Address address, String cancelReason) {

    public static final ShipmentState NONE = new ShipmentState(null, null, null, null);

    ShipmentState scheduled(ShipmentScheduled e) {
        return new ShipmentState(e.orderId(), ShipmentStatus.SCHEDULED, e.address(), null);
    }

    ShipmentState cancelled(ShipmentCancelled e) {
        return new ShipmentState(orderId, ShipmentStatus.CANCELLED, address, e.reason());
    }
}
