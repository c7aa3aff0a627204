package io.eventscope.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

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
}
