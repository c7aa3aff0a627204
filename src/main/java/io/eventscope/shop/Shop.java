package io.eventscope.shop;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.shop.form.CommandSpec;
import io.eventscope.shop.form.CommandSpecs;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.payment.Payment;
import io.eventscope.engine.whatif.SagaReactions;
import io.eventscope.shop.saga.OrderSagaReactions;
import io.eventscope.shop.saga.SagaLog;
import io.eventscope.shop.shipment.Shipment;
import java.util.List;

/**
 * The sample shop: orders, payments, inventory and shipping, and the logs of the sagas that
 * run orders through them. Command names are unique across the aggregates, and so are event
 * type names.
 */
public final class Shop {
    private static final List<AggregateType<?, ?, ?>> AGGREGATES =
            List.of(Order.type(), Payment.type(), Inventory.type(), Shipment.type(), SagaLog.type());

    private Shop() {
    }

    public static List<AggregateType<?, ?, ?>> aggregateTypes() {
        return AGGREGATES;
    }

    /** How the order saga reacts, for what-if branches to decide it again. */
    public static SagaReactions sagaReactions() {
        return OrderSagaReactions.INSTANCE;
    }

    /** Every command with its fields, in the order a form should show them. */
    public static List<CommandSpec> commands() {
        return AGGREGATES.stream().flatMap(type -> CommandSpecs.of(type).stream()).toList();
    }
}
