package io.eventscope.shop.shipment;

import io.eventscope.shop.Address;

/** {@code address} is null when it is still to be confirmed. */
public record ShipmentScheduled(String orderId, Address address) implements ShipmentEvent {
}
