package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.io.ImportedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How messages become events and events messages; no broker needed. */
class MessageMappingTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:15:02Z");

    @Test
    void anEventTravelsAsItsEnvelopeAndComesBackAtItsVersion() {
        EventEnvelope e = new EventEnvelope("e-1", "OrderCreated", "order", "o1", "order-o1", 3, 2, 41, AT,
                Json.parse("{\"total\":\"25.00\"}"), new Metadata("u1", "c-1", "cmd-1", Map.of("tenant", "t")));

        assertThat(EnvelopeMessages.routingKey(e)).isEqualTo("order.ordercreated");
        var props = EnvelopeMessages.properties(e);
        assertThat(props.getMessageId()).isEqualTo("e-1");
        assertThat(props.getCorrelationId()).isEqualTo("c-1");
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(props.getHeaders()).containsEntry("correlationId", "c-1").containsEntry("causationId", "cmd-1");

        ImportedEvent back = MessageMapping.map(message(new String(EnvelopeMessages.body(e), StandardCharsets.UTF_8),
                "e-1", null));
        assertThat(back.streamId()).isEqualTo("order-o1");
        assertThat(back.version()).isEqualTo(3);
        assertThat(back.event().eventId()).isEqualTo("e-1");
        assertThat(back.event().schemaVersion()).isEqualTo(2);
        assertThat(back.event().timestamp()).isEqualTo(AT);
        assertThat(back.event().data()).isEqualTo(e.data());
        assertThat(back.event().metadata()).isEqualTo(e.metadata());
    }

    @Test
    void theSeedsDomainEventKeepsItsAggregateAndGoesToTheEndOfItsStream() {
        String seed = "{\"eventId\":\"evt_123\",\"eventType\":\"OrderCreated\",\"aggregateId\":\"order_456\","
                + "\"aggregateType\":\"Order\",\"version\":1,\"timestamp\":\"2026-11-20T09:15:02.000Z\","
                + "\"data\":{\"userId\":\"user_789\",\"total\":150.00},"
                + "\"metadata\":{\"userId\":\"user_789\",\"correlationId\":\"corr_123\",\"causationId\":\"cmd_456\"}}";

        ImportedEvent e = MessageMapping.map(message(seed, null, null));

        assertThat(e.streamId()).isEqualTo("Order-order_456");
        assertThat(e.version()).as("the seed's version is not trusted to be ours").isZero();
        assertThat(e.event().eventId()).isEqualTo("evt_123");
        assertThat(e.event().eventType()).isEqualTo("OrderCreated");
        assertThat(e.event().timestamp()).isEqualTo(AT);
        assertThat(e.event().data().get("total").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(e.event().metadata().correlationId()).isEqualTo("corr_123");
        assertThat(e.event().metadata().causationId()).isEqualTo("cmd_456");
        assertThat(e.event().metadata().extra()).containsEntry("source.version", "1")
                .containsEntry("rabbitmq.exchange", "shop").containsEntry("rabbitmq.routingKey", "order.created");
    }

    @Test
    void plainJsonBecomesTheDataOfAnEventNamedByTheTypePropertyOrTheRoutingKey() {
        ImportedEvent typed = MessageMapping.map(message("{\"sku\":\"A-1\",\"qty\":2}", "m-7", "StockCounted"));
        assertThat(typed.streamId()).isEqualTo("rabbitmq-shop");
        assertThat(typed.event().eventId()).isEqualTo("m-7");
        assertThat(typed.event().eventType()).isEqualTo("StockCounted");
        assertThat(typed.event().data()).isEqualTo(Json.parse("{\"sku\":\"A-1\",\"qty\":2}"));
        assertThat(typed.event().metadata().correlationId()).isEqualTo("corr-9");

        assertThat(MessageMapping.map(message("{\"sku\":\"A-1\"}", "m-8", null)).event().eventType())
                .isEqualTo("order.created");
    }

    @Test
    void whatNoRuleFitsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> MessageMapping.map(message("{\"sku\":\"A-1\"}", null, "StockCounted")))
                .isInstanceOf(UnmappableMessageException.class).hasMessageContaining("needs a message id");
        assertThatThrownBy(() -> MessageMapping.map(message("not json", "m", null)))
                .hasMessageStartingWith("the body is not JSON");
        assertThatThrownBy(() -> MessageMapping.map(message("[1,2]", "m", null)))
                .hasMessage("the body is a JSON array, not an object");
        assertThatThrownBy(() -> MessageMapping.map(message("", "m", null))).hasMessage("the body is empty");
        assertThatThrownBy(() -> MessageMapping.map(new InboundMessage(new byte[] {(byte) 0xC3, 0x28}, "m", null, null,
                null, null, "shop", "k"))).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> MessageMapping.map(message("{\"eventId\":\"e\",\"eventType\":\"T\",\"streamId\":\"s-1\","
                + "\"version\":0,\"schemaVersion\":1,\"timestamp\":\"2026-11-20T09:15:02Z\",\"data\":{}}", "e", null)))
                .hasMessageContaining("field 'version' must be an integer from 1");
        assertThatThrownBy(() -> MessageMapping.map(message("{\"eventId\":\"e\",\"eventType\":\"T\",\"data\":{},"
                + "\"metadata\":{\"tenant\":7}}", null, null)))
                .hasMessageContaining("metadata.tenant");
    }

    @Test
    void theBrokerAddressNeverShowsThePassword() {
        BrokerAddress broker = BrokerAddress.parse("amqp://shop:s3cret@mq.example:5673/prod");
        assertThat(broker.display()).isEqualTo("amqp://shop@mq.example:5673/prod").doesNotContain("s3cret");
        assertThat(broker.toString()).doesNotContain("s3cret");
        assertThat(broker.factory().getPassword()).isEqualTo("s3cret");
        assertThat(broker.factory().getVirtualHost()).isEqualTo("prod");
        assertThat(BrokerAddress.parse("amqp://guest:guest@127.0.0.1:5672/").factory().getVirtualHost()).isEqualTo("/");
        assertThat(BrokerAddress.parse("amqp://shop@mq", "pw".toCharArray()).factory().getPassword()).isEqualTo("pw");

        assertThatThrownBy(() -> BrokerAddress.parse("http://shop:s3cret@mq"))
                .hasMessageContaining("amqp://").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> BrokerAddress.parse("amqp://shop:s3cret@mq:99999"))
                .hasMessageNotContaining("s3cret");
    }

    private static InboundMessage message(String body, String messageId, String type) {
        return new InboundMessage(body.getBytes(StandardCharsets.UTF_8), messageId, type, "corr-9", null, Map.of(),
                "shop", "order.created");
    }
}
