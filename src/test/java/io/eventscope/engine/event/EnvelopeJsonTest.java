package io.eventscope.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
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
    void aRawEventStreamsTheSameBytesAsTheTree() throws IOException {
        EventEnvelope odd = new EventEnvelope("e-2", "Noted", null, null, "misc", 1, 1, 18,
                Instant.parse("2024-05-01T12:00:00Z"),
                Json.parse("{\"text\":\"caf\u00e9 \\\"quoted\\\"\\n\",\"n\":[1,2.50,-3E+2,null,true],\"o\":{}}"),
                new Metadata(null, "c-2", null, Map.of("zone", "eu", "userId", "shadowed", "app", "cli")));
        for (EventEnvelope e : List.of(event, odd)) {
            assertThat(streamed(RawEvent.of(e))).isEqualTo(EnvelopeJson.write(e));
        }
    }

    @Test
    void rawDataThatIsNotOneJsonObjectIsRefusedNamingThePosition() {
        RawEvent stored = RawEvent.of(event);
        for (String damaged : List.of("{\"amount\":12.5", "[1]", "{} {}", "not json")) {
            RawEvent bad = new RawEvent(stored.eventId(), stored.eventType(), stored.aggregateType(), stored.aggregateId(),
                    stored.streamId(), stored.version(), stored.schemaVersion(), stored.position(), stored.timestamp(),
                    damaged, stored.metadata());
            assertThatThrownBy(() -> streamed(bad))
                    .as(damaged)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("position 17 holds unreadable JSON data");
        }
    }

    private static String streamed(RawEvent e) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            EnvelopeJson.write(json, e);
        }
        return out.toString();
    }
}
