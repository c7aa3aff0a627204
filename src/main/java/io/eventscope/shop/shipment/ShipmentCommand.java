package io.eventscope.shop.shipment;

/** What is asked of the shipment of one order. */
public sealed interface ShipmentCommand permits ScheduleShipment, CancelShipment {
    String orderId();
}
