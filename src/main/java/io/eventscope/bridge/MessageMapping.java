package io.eventscope.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.io.ImportedEvent;
import io.eventscope.engine.io.InvalidLineException;
import io.eventscope.engine.io.StrictEnvelopeReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns a consumed message into an event, by the first rule that fits (README, "Bridges"):
 * <ol>
 * <li><b>Our envelope</b> (the body has {@code schemaVersion}): read as strictly as an import
 * line; it keeps its stream and must land at its version.</li>
 * <li><b>The seed's DomainEvent</b> ({@code JSON.stringify(event)}: {@code eventType} and an
 * object {@code data}): event id from {@code eventId} or the message id; stream
 * {@code <aggregateType>-<aggregateId>} when both are given, else {@code rabbitmq-<exchange>};
 * appended at the stream's end, since its {@code version} cannot be trusted to be ours (the seed
 * overloads it), and kept as {@code source.version}; timestamp from {@code timestamp}, the AMQP
 * timestamp, or the time of arrival.</li>
 * <li><b>Any other JSON object</b>: it becomes the data of an event whose type is the AMQP type
 * property, else the routing key, and whose id is the message id; stream {@code rabbitmq-<exchange>}.</li>
 * </ol>
 * Correlation comes from the body's metadata, else the AMQP correlation id; causation from the
 * metadata, else the {@code causationId} header. Exchange and routing key are kept in the
 * metadata ({@code rabbitmq.exchange}, {@code rabbitmq.routingKey}) for foreign messages.
 * Anything else (not UTF-8 JSON, not an object, no id to recognise a redelivery by) is
 * {@link UnmappableMessageException} with the reason.
 */
public final class MessageMapping {
    static final String FOREIGN_AGGREGATE_TYPE = "rabbitmq";

    private MessageMapping() {
    }

    public static ImportedEvent map(InboundMessage message) {
        JsonNode body = parse(message.body());
        try {
            if (body.has("schemaVersion")) {
                return StrictEnvelopeReader.read(body);
            }
            if (body.hasNonNull("eventType") && body.path("data").isObject()) {
                return fromDomainEvent((ObjectNode) body, message);
            }
            return fromPlainJson((ObjectNode) body, message);
        } catch (InvalidLineException e) {
            throw new UnmappableMessageException(e.getMessage());
        }
    }

    private static ImportedEvent fromDomainEvent(ObjectNode body, InboundMessage message) {
        ObjectNode envelope = Json.object();
        envelope.put("eventId", firstText(body.get("eventId"), message.messageId(),
                "no event id: the body has no 'eventId' and the message no message id"));
        envelope.set("eventType", body.get("eventType"));
        if (body.hasNonNull("aggregateType") && body.hasNonNull("aggregateId")) {
            envelope.set("aggregateType", body.get("aggregateType"));
            envelope.set("aggregateId", body.get("aggregateId"));
        } else {
            foreignStream(envelope, message);
        }
        envelope.put("timestamp", body.hasNonNull("timestamp") ? body.get("timestamp").asText() : arrival(message));
        envelope.set("data", body.get("data"));
        ObjectNode metadata = body.path("metadata").isObject() ? ((ObjectNode) body.get("metadata")).deepCopy() : Json.object();
        if (body.has("version")) {
            metadata.put("source.version", body.get("version").asText());
        }
        envelope.set("metadata", withTransport(metadata, message));
        return appendedAtEnd(envelope);
    }

    private static ImportedEvent fromPlainJson(ObjectNode body, InboundMessage message) {
        ObjectNode envelope = Json.object();
        envelope.put("eventId", firstText(null, message.messageId(),
                "no event id: a message that is not an event envelope needs a message id, so a redelivery is recognised"));
        envelope.put("eventType", message.type() != null && !message.type().isBlank() ? message.type() : message.routingKey());
        foreignStream(envelope, message);
        envelope.put("timestamp", arrival(message));
        envelope.set("data", body);
        envelope.set("metadata", withTransport(Json.object(), message));
        return appendedAtEnd(envelope);
    }

    private static void foreignStream(ObjectNode envelope, InboundMessage message) {
        envelope.put("aggregateType", FOREIGN_AGGREGATE_TYPE);
        envelope.put("aggregateId", message.exchange() == null || message.exchange().isEmpty() ? "default" : message.exchange());
    }

    private static ObjectNode withTransport(ObjectNode metadata, InboundMessage message) {
        if (!metadata.hasNonNull("correlationId") && message.correlationId() != null) {
            metadata.put("correlationId", message.correlationId());
        }
        if (!metadata.hasNonNull("causationId") && message.header(EnvelopeMessages.CAUSATION_HEADER) != null) {
            metadata.put("causationId", message.header(EnvelopeMessages.CAUSATION_HEADER));
        }
        if (message.exchange() != null) {
            metadata.put("rabbitmq.exchange", message.exchange());
        }
        if (message.routingKey() != null) {
            metadata.put("rabbitmq.routingKey", message.routingKey());
        }
        return metadata;
    }

    /** Validated as an envelope (version 1 stands in), then given version 0: next in its stream. */
    private static ImportedEvent appendedAtEnd(ObjectNode envelope) {
        envelope.put("version", 1);
        envelope.put("schemaVersion", 1);
        ImportedEvent read = StrictEnvelopeReader.read(envelope);
        return new ImportedEvent(StreamIds.of(read.event().aggregateType(), read.event().aggregateId()), 0, read.event());
    }

    private static String arrival(InboundMessage message) {
        return (message.timestamp() != null ? message.timestamp() : Instant.now()).toString();
    }

    private static String firstText(JsonNode field, String fallback, String missing) {
        if (field != null && field.isTextual() && !field.textValue().isBlank()) {
            return field.textValue();
        }
        if (fallback != null && !fallback.isBlank()) {
            return fallback;
        }
        throw new UnmappableMessageException(missing);
    }

    private static JsonNode parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new UnmappableMessageException("the body is not UTF-8 text (" + body.length + " bytes)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnmappableMessageException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UnmappableMessageException("the body is " + (node == null || node.isMissingNode() ? "empty"
                    : "a JSON " + node.getNodeType().toString().toLowerCase() + ", not an object"));
        }
        return node;
    }
}
