package io.eventscope.shop.shipment;

/** What happened to the shipment of one order. */
public sealed interface ShipmentEvent permits ShipmentScheduled, ShipmentCancelled {
    String orderId();
}
