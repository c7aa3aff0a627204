package io.eventscope.shop;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.UpcasterChain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shop run by the real engine, commands given as JSON the way the command line and the UI send them. */
class ShopEngineTest {
    private final Engine engine = Engine.open(new OpenStore(new InMemoryEventStore(), null), Shop.aggregateTypes(), UpcasterChain.EMPTY);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void an_order_goes_from_stock_to_shipped_across_the_four_aggregates() {
        accept("RestockItem", """
                {"sku": "sku-1", "quantity": 5}""");
        CommandResult.Accepted created = accept("CreateOrder", """
                {"orderId": "o1", "userId": "alice",
                 "items": [{"sku": "sku-1", "quantity": 2, "unitPrice": 10.00}, {"sku": "sku-2", "quantity": 1, "unitPrice": 5.50}],
                 "shippingAddress": {"street": "1 Main St", "city": "Lyon", "postalCode": "69001", "country": "FR"}}""");
        EventEnvelope orderCreated = created.events().get(0);
        assertThat(orderCreated.streamId()).isEqualTo("order-o1");
        assertThat(orderCreated.eventType()).isEqualTo("OrderCreated");
        assertThat(orderCreated.schemaVersion()).isEqualTo(3);
        assertThat(orderCreated.data().get("amount").toString()).isEqualTo("25.50");

        accept("ReserveStock", """
                {"sku": "sku-1", "orderId": "o1", "quantity": 2}""");
        assertThat(accept("ChargePayment", """
                {"orderId": "o1", "amount": 25.50}""").streamId()).isEqualTo("payment-o1");
        accept("PayOrder", """
                {"orderId": "o1", "amount": 25.50}""");
        assertThat(accept("ScheduleShipment", """
                {"orderId": "o1"}""").streamId()).isEqualTo("shipment-o1");
        accept("ShipOrder", """
                {"orderId": "o1", "trackingNumber": "TRACK-1"}""");

        JsonNode order = engine.timeTravel().currentState("order-o1").state();
        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.get("total").toString()).isEqualTo("25.50");
        assertThat(order.get("paidAmount").toString()).isEqualTo("25.50");
        assertThat(order.get("trackingNumber").asText()).isEqualTo("TRACK-1");
        assertThat(engine.timeTravel().stateAt("order-o1", 1).state().get("status").asText()).isEqualTo("PENDING");

        JsonNode stock = engine.timeTravel().currentState("inventory-sku-1").state();
        assertThat(stock.get("available").asLong()).isEqualTo(3);
        assertThat(stock.get("reserved").get("o1").asLong()).isEqualTo(2);
    }

    @Test
    void a_bad_payload_is_rejected_naming_the_field() {
        assertThat(reject("CreateOrder", """
                {"userId": "alice", "items": [{"sku": "a", "quantity": 1, "unitPrice": 1}, {"sku": "b", "quantity": 0, "unitPrice": 1}]}"""))
                .isEqualTo("items[1].quantity must be greater than 0, was 0");
        assertThat(reject("CreateOrder", """
                {"userId": "alice", "items": []}""")).isEqualTo("items: an order needs at least one item");
        assertThat(reject("CreateOrder", """
                {"userId": "alice", "items": [{"sku": "a", "quantity": 2.5, "unitPrice": 1}]}"""))
                .contains("items[0].quantity");
    }

    @Test
    void rules_are_rejected_with_sentences_and_nothing_is_stored() {
        accept("CreateOrder", """
                {"orderId": "o1", "userId": "alice", "items": [{"sku": "a", "quantity": 2, "unitPrice": 12.25}]}""");
        assertThat(reject("PayOrder", """
                {"orderId": "o1", "amount": 20}""")).isEqualTo("Wrong amount for order o1: expected 24.50 EUR, given 20.00 EUR.");
        assertThat(reject("ShipOrder", """
                {"orderId": "o1", "trackingNumber": "T"}""")).isEqualTo("Order o1 is not paid yet; only a paid order ships.");
        assertThat(reject("PayOrder", """
                {"orderId": "o2", "amount": 1}""")).isEqualTo("Order o2 does not exist.");
        assertThat(reject("ReserveStock", """
                {"sku": "a", "orderId": "o1", "quantity": 2}""")).isEqualTo("Not enough stock of a for order o1: 2 requested, 0 available.");
        assertThat(engine.store().headPosition()).isEqualTo(1);
    }

    private CommandResult.Accepted accept(String type, String json) {
        CommandResult result = engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "tester", null));
        assertThat(result).as(type + " " + json).isInstanceOf(CommandResult.Accepted.class);
        return (CommandResult.Accepted) result;
    }

    private String reject(String type, String json) {
        CommandResult result = engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "tester", null));
        assertThat(result).as(type + " " + json).isInstanceOf(CommandResult.Rejected.class);
        return ((CommandResult.Rejected) result).reason();
    }
}
