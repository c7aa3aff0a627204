package io.eventscope.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {
    private final EventEnvelope event = new EventEnvelope("e-1", "OrderPaid", "order", "42", "order-42", 3, 2, 17,
            Instant.parse("2024-05-01T12:00:00.123Z"), Json.parse("{\"amount\":12.50}"),
            new Metadata("alice", "c-1", "e-0", Map.of("tenant", "acme")));

    @Test
    void writesTheSharedShapeOnOneLine() {
        assertThat(EnvelopeJson.write(event)).isEqualTo("{\"eventId\":\"e-1\",\"eventType\":\"OrderPaid\","
                + "\"aggregateType\":\"order\",\"aggregateId\":\"42\",\"streamId\":\"order-42\",\"version\":3,"
                + "\"schemaVersion\":2,\"position\":17,\"timestamp\":\"2024-05-01T12:00:00.123Z\","
                + "\"data\":{\"amount\":12.50},\"metadata\":{\"userId\":\"alice\",\"correlationId\":\"c-1\","
                + "\"causationId\":\"e-0\",\"tenant\":\"acme\"}}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(EnvelopeJson.fromNode(Json.parse(EnvelopeJson.write(event)))).isEqualTo(event);
    }

    @Test
    void fillsWhatAForeignLogLeavesOut() {
        EventEnvelope read = EnvelopeJson.fromNode(Json.parse("{\"eventId\":\"x\",\"eventType\":\"T\","
                + "\"streamId\":\"cart-9\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"data\":{}}"));

        assertThat(read.aggregateType()).isEqualTo("cart");
        assertThat(read.aggregateId()).isEqualTo("9");
        assertThat(read.schemaVersion()).isEqualTo(1);
        assertThat(read.metadata()).isEqualTo(Metadata.EMPTY);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        ObjectNode node = EnvelopeJson.toNode(event);

        assertThatThrownBy(() -> EnvelopeJson.fromNode(node.deepCopy().without("eventType")))
                .hasMessage("'eventType' is missing");
        assertThatThrownBy(() -> EnvelopeJson.fromNode(node.deepCopy().put("timestamp", "yesterday")))
                .hasMessageContaining("'timestamp' must be an ISO-8601 UTC instant");
        assertThatThrownBy(() -> EnvelopeJson.fromNode(node.deepCopy().put("version", "three")))
                .hasMessage("'version' must be a whole number");
        assertThatThrownBy(() -> EnvelopeJson.fromNode(node.deepCopy().put("data", "text")))
                .hasMessage("'data' must be a JSON object");
    }
}
