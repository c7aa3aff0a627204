package io.eventscope.shop;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.shop.form.CommandSpec;
import io.eventscope.shop.form.CommandSpecs;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.payment.Payment;
import io.eventscope.shop.shipment.Shipment;
import java.util.List;

/**
 * The sample shop: orders, payments, inventory and shipping. Command names are unique across
 * the four aggregates, and so are event type names.
 */
public final class Shop {
    private static final List<AggregateType<?, ?, ?>> AGGREGATES =
            List.of(Order.type(), Payment.type(), Inventory.type(), Shipment.type());

    private Shop() {
    }

    public static List<AggregateType<?, ?, ?>> aggregateTypes() {
        return AGGREGATES;
    }

    /** Every command with its fields, in the order a form should show them. */
    public static List<CommandSpec> commands() {
        return AGGREGATES.stream().flatMap(type -> CommandSpecs.of(type).stream()).toList();
    }
}
