package io.eventscope.shop;

import io.eventscope.engine.store.OpenStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.payment.Payment;
import io.eventscope.shop.payment.PaymentCaptured;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orders and payments stored in their first shapes still fold, and still take commands, once upcast on read. */
class LegacyEventsTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final UpcasterChain chain = ShopUpcasters.chain();
    private final Engine engine = Engine.open(new OpenStore(store, null), Shop.aggregateTypes(), chain);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void a_v1_order_is_read_with_its_customers_address_and_can_still_be_paid_and_shipped() {
        store("order-o1", "OrderCreated", 1, """
                {"orderId": "o1", "userId": "alice", "items": [{"sku": "sku-1", "quantity": 2, "unitPrice": 12.25}], "total": 24.50}""");

        JsonNode order = engine.timeTravel().currentState("order-o1").state();
        assertThat(order.get("status").asText()).isEqualTo("PENDING");
        assertThat(order.get("total").toString()).isEqualTo("24.50");
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("shippingAddress").get("city").asText()).isEqualTo("Paris");

        assertThat(handle("PayOrder", """
                {"orderId": "o1", "amount": 24.50}""").accepted()).isTrue();
        assertThat(handle("ShipOrder", """
                {"orderId": "o1", "trackingNumber": "T-1"}""").accepted()).isTrue();
    }

    @Test
    void a_v1_payment_processed_is_a_captured_payment_that_can_be_refunded() {
        store("payment-o1", "PaymentProcessed", 1, """
                {"paymentId": "o1", "orderId": "o1", "total": 24.50}""");

        JsonNode payment = engine.timeTravel().currentState("payment-o1").state();
        assertThat(payment.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(payment.get("amount").toString()).isEqualTo("24.50");

        CommandResult refund = handle("RefundPayment", """
                {"orderId": "o1", "amount": 30, "reason": "too much"}""");
        assertThat(((CommandResult.Rejected) refund).reason()).contains("only 24.50 EUR is left to refund");
        assertThat(handle("RefundPayment", """
                {"orderId": "o1", "amount": 24.50, "reason": "cancelled"}""").accepted()).isTrue();
    }

    @Test
    void the_upcasters_end_at_the_schema_versions_the_codecs_write() {
        EventEnvelope order = store("order-o2", "OrderCreated", 1, """
                {"orderId": "o2", "userId": "zoe", "items": [], "total": 0}""");
        EventEnvelope payment = store("payment-p2", "PaymentProcessed", 1, """
                {"paymentId": "p2", "orderId": "o2", "total": 1.00}""");

        assertThat(chain.upcast(order).schemaVersion()).isEqualTo(Order.type().events()
                .schemaVersion(new OrderCreated("o2", "zoe", List.of(), null, null, "EUR")));
        assertThat(chain.upcast(payment).eventType()).isEqualTo("PaymentCaptured");
        assertThat(chain.upcast(payment).schemaVersion()).isEqualTo(Payment.type().events()
                .schemaVersion(new PaymentCaptured("p2", "o2", null, "EUR")));
    }

    private EventEnvelope store(String streamId, String type, int schemaVersion, String data) {
        store.append(streamId, ExpectedVersion.ANY, List.of(new NewEvent(null, type, StreamIds.aggregateType(streamId),
                StreamIds.aggregateId(streamId), schemaVersion, null, Json.parse(data), null)));
        return store.readStream(streamId, store.streamVersion(streamId), 1, Direction.FORWARDS).get(0);
    }

    private CommandResult handle(String type, String json) {
        return engine.commands().handle(CommandEnvelope.of(type, Json.parse(json), "tester", null));
    }
}
