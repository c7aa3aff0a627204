package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.StreamIds;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a stored event travels as an AMQP message: the envelope JSON as the body, routing key
 * {@code <aggregatetype>.<eventtype>} in lower case (the seed's {@code order.created} is
 * {@code order.ordercreated} here, since event types are past-tense names), persistent, message id =
 * event id, the correlation id in the property of that name, and correlation and causation ids
 * also as headers (AMQP has no causation property).
 */
public final class EnvelopeMessages {
    public static final String CONTENT_TYPE = "application/json";
    public static final String CORRELATION_HEADER = "correlationId";
    public static final String CAUSATION_HEADER = "causationId";
    private static final int PERSISTENT = 2;

    private EnvelopeMessages() {
    }

    public static String routingKey(EventEnvelope e) {
        String aggregateType = e.aggregateType() != null ? e.aggregateType() : StreamIds.aggregateType(e.streamId());
        return (aggregateType + "." + e.eventType()).toLowerCase(Locale.ROOT);
    }

    public static byte[] body(EventEnvelope e) {
        return EnvelopeJson.write(e).getBytes(StandardCharsets.UTF_8);
    }

    public static AMQP.BasicProperties properties(EventEnvelope e) {
        Map<String, Object> headers = new HashMap<>();
        if (e.correlationId() != null) {
            headers.put(CORRELATION_HEADER, e.correlationId());
        }
        if (e.causationId() != null) {
            headers.put(CAUSATION_HEADER, e.causationId());
        }
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .deliveryMode(PERSISTENT)
                .messageId(e.eventId())
                .correlationId(e.correlationId())
                .type(e.eventType())
                .timestamp(Date.from(e.timestamp()))
                .headers(headers)
                .build();
    }
}
