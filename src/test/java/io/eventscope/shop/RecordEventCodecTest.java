package io.eventscope.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.domain.EventCodec;
import io.eventscope.engine.event.Json;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.StockReserved;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.order.OrderEvent;
import io.eventscope.shop.order.OrderPaid;
import io.eventscope.shop.payment.Payment;
import io.eventscope.shop.payment.PaymentCaptured;
import io.eventscope.shop.payment.PaymentEvent;
import io.eventscope.shop.shipment.Shipment;
import io.eventscope.shop.shipment.ShipmentScheduled;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored shape of shop events, which the upcasters and old logs depend on. */
class RecordEventCodecTest {
    static final EventCodec<OrderEvent> ORDERS = Order.type().events();
    static final EventCodec<PaymentEvent> PAYMENTS = Payment.type().events();

    static final OrderCreated CREATED = new OrderCreated("o1", "alice",
            List.of(new Item("sku-1", 2, new BigDecimal("10.00"))),
            new Address("1 Main St", "Lyon", "69001", "FR"), new BigDecimal("20.00"), "EUR");

    @Test
    void order_created_is_schema_3_with_amount_and_currency() {
        assertThat(ORDERS.typeName(CREATED)).isEqualTo("OrderCreated");
        assertThat(ORDERS.schemaVersion(CREATED)).isEqualTo(3);
        assertThat(Json.write(ORDERS.toJson(CREATED))).isEqualTo("{\"orderId\":\"o1\",\"userId\":\"alice\","
                + "\"items\":[{\"sku\":\"sku-1\",\"quantity\":2,\"unitPrice\":10.00}],"
                + "\"shippingAddress\":{\"street\":\"1 Main St\",\"city\":\"Lyon\",\"postalCode\":\"69001\",\"country\":\"FR\"},"
                + "\"amount\":20.00,\"currency\":\"EUR\"}");
    }

    @Test
    void payment_captured_is_schema_2() {
        PaymentCaptured captured = new PaymentCaptured("p1", "o1", new BigDecimal("20.00"), "EUR");
        assertThat(PAYMENTS.typeName(captured)).isEqualTo("PaymentCaptured");
        assertThat(PAYMENTS.schemaVersion(captured)).isEqualTo(2);
        assertThat(Json.write(PAYMENTS.toJson(captured)))
                .isEqualTo("{\"paymentId\":\"p1\",\"orderId\":\"o1\",\"amount\":20.00,\"currency\":\"EUR\"}");
    }

    @Test
    void the_other_events_are_schema_1() {
        assertThat(ORDERS.schemaVersion(new OrderPaid("o1", BigDecimal.ONE))).isEqualTo(1);
        assertThat(Inventory.type().events().schemaVersion(new StockReserved("s", "o1", 1))).isEqualTo(1);
        assertThat(Shipment.type().events().schemaVersion(new ShipmentScheduled("o1", null))).isEqualTo(1);
    }

    @Test
    void knows_only_its_own_types() {
        assertThat(ORDERS.knows("OrderPaid")).isTrue();
        assertThat(ORDERS.knows("PaymentCaptured")).isFalse();
        assertThat(PAYMENTS.knows("PaymentProcessed")).as("the v1 name is upcast, not read").isFalse();
    }

    @Test
    void an_unknown_type_is_refused_by_name() {
        assertThatThrownBy(() -> ORDERS.fromJson("OrderLost", Json.object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'OrderLost'").hasMessageContaining("OrderCreated");
    }

    @Test
    void mistyped_data_is_refused_naming_the_type_and_the_field() {
        assertThatThrownBy(() -> ORDERS.fromJson("OrderPaid", Json.parse("{\"orderId\":\"o1\",\"amount\":\"lots\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read OrderPaid")
                .hasMessageContaining("lots");
    }
}
