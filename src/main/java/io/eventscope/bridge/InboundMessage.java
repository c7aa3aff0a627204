package io.eventscope.bridge;

import java.time.Instant;
import java.util.Map;

/**
 * A message as it arrived, in the terms the mapping needs: the body and the AMQP properties
 * and delivery facts that can stand in for fields the body lacks. Any part but the body may be null.
 */
public record InboundMessage(byte[] body, String messageId, String type, String correlationId, Instant timestamp,
                             Map<String, Object> headers, String exchange, String routingKey) {
    public InboundMessage {
        headers = headers == null ? Map.of() : headers;
    }

    /** A header as text (AMQP hands strings over as LongString), or null. */
    public String header(String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
