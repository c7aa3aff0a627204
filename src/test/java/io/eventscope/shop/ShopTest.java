package io.eventscope.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.event.Json;
import io.eventscope.shop.inventory.ReserveStock;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderState;
import io.eventscope.shop.payment.RefundPayment;
import io.eventscope.shop.shipment.CancelShipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShopTest {

    @Test
    void has_the_four_aggregates_and_the_saga_log_named_as_their_stream_prefixes() {
        assertThat(Shop.aggregateTypes()).extracting(AggregateType::name)
                .containsExactly("order", "payment", "inventory", "shipment", "saga");
    }

    @Test
    void every_command_name_belongs_to_exactly_one_aggregate() {
        List<String> names = new ArrayList<>();
        Shop.aggregateTypes().forEach(type -> names.addAll(type.commandTypes().keySet()));
        assertThat(names).containsExactly("CreateOrder", "PayOrder", "ShipOrder", "CancelOrder",
                "ChargePayment", "RefundPayment", "RestockItem", "ReserveStock", "ReleaseStock", "CommitStock",
                "ScheduleShipment", "CancelShipment");
    }

    @Test
    void event_type_names_are_unique_across_aggregates() {
        List<String> owners = new ArrayList<>();
        for (String type : List.of("OrderCreated", "OrderPaid", "OrderShipped", "OrderCancelled",
                "PaymentCaptured", "PaymentRefunded", "StockRestocked", "StockReserved", "StockReleased", "ReservationCommitted",
                "ShipmentScheduled", "ShipmentCancelled")) {
            owners.add(type + " -> " + Shop.aggregateTypes().stream().filter(a -> a.events().knows(type))
                    .map(AggregateType::name).collect(Collectors.joining(",")));
        }
        assertThat(owners).containsExactly(
                "OrderCreated -> order", "OrderPaid -> order", "OrderShipped -> order", "OrderCancelled -> order",
                "PaymentCaptured -> payment", "PaymentRefunded -> payment",
                "StockRestocked -> inventory", "StockReserved -> inventory", "StockReleased -> inventory", "ReservationCommitted -> inventory",
                "ShipmentScheduled -> shipment", "ShipmentCancelled -> shipment");
    }

    @Test
    void commands_address_the_stream_they_change() {
        assertThat(aggregateId(new ReserveStock("sku-1", "o1", 1))).isEqualTo("sku-1");
        assertThat(aggregateId(new RefundPayment(null, "o1", BigDecimal.ONE, "r"))).isEqualTo("o1");
        assertThat(aggregateId(new RefundPayment("p1", "o1", BigDecimal.ONE, "r"))).isEqualTo("p1");
        assertThat(aggregateId(new CancelShipment("o1", "r"))).isEqualTo("o1");
    }

    @Test
    void order_state_shows_as_json_with_names_a_person_understands() {
        OrderState state = Order.type().decider().initialState();
        assertThat(Json.MAPPER.valueToTree(state).fieldNames()).toIterable().containsExactly("orderId", "userId",
                "status", "items", "total", "currency", "paidAmount", "trackingNumber", "shippingAddress",
                "cancelReason");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String aggregateId(Object command) {
        AggregateType type = Shop.aggregateTypes().stream()
                .filter(a -> a.commandTypes().containsValue(command.getClass())).findFirst().orElseThrow();
        return type.aggregateId(command);
    }
}
