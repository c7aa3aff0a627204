package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.event.StreamIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        return routingKey(e.aggregateType(), e.streamId(), e.eventType());
    }

    public static String routingKey(RawEvent e) {
        return routingKey(e.aggregateType(), e.streamId(), e.eventType());
    }

    public static byte[] body(EventEnvelope e) {
        return EnvelopeJson.write(e).getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes as {@link #body(EventEnvelope)}, with the data copied as stored rather than parsed. */
    public static byte[] body(RawEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + e.data().length());
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            EnvelopeJson.write(json, e);
        } catch (IOException x) {
            throw new UncheckedIOException(x.getMessage(), x);
        }
        return out.toByteArray();
    }

    public static AMQP.BasicProperties properties(EventEnvelope e) {
        return properties(e.eventId(), e.eventType(), e.timestamp(), e.metadata());
    }

    public static AMQP.BasicProperties properties(RawEvent e) {
        return properties(e.eventId(), e.eventType(), e.timestamp(), e.metadata());
    }

    private static String routingKey(String aggregateType, String streamId, String eventType) {
        String type = aggregateType != null ? aggregateType : StreamIds.aggregateType(streamId);
        return (type + "." + eventType).toLowerCase(Locale.ROOT);
    }

    private static AMQP.BasicProperties properties(String eventId, String eventType, Instant timestamp, Metadata metadata) {
        Map<String, Object> headers = new HashMap<>(4);
        if (metadata.correlationId() != null) {
            headers.put(CORRELATION_HEADER, metadata.correlationId());
        }
        if (metadata.causationId() != null) {
            headers.put(CAUSATION_HEADER, metadata.causationId());
        }
        return new AMQP.BasicProperties.Builder()
                .contentType(CONTENT_TYPE)
                .deliveryMode(PERSISTENT)
                .messageId(eventId)
                .correlationId(metadata.correlationId())
                .type(eventType)
                .timestamp(Date.from(timestamp))
                .headers(headers)
                .build();
    }
}
