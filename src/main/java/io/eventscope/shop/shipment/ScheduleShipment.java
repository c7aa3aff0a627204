package io.eventscope.shop.shipment;

import io.eventscope.shop.Address;
import io.eventscope.shop.Check;
import io.eventscope.shop.form.OptionalField;

public record ScheduleShipment(String orderId, @OptionalField("to be confirmed when absent") Address address)
        implements ShipmentCommand {
    public ScheduleShipment {
        Check.text(orderId, "orderId");
        if (address != null) {
            address.checkComplete("address");
        }
    }
}
