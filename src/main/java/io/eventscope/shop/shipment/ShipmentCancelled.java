package io.eventscope.shop.shipment;

public record ShipmentCancelled(String orderId, String reason) implements ShipmentEvent {
}
