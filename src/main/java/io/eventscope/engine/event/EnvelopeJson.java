package io.eventscope.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one JSON shape of a stored event, shared by the command line's {@code read}, export and
 * import: {@code eventId, eventType, aggregateType, aggregateId, streamId, version,
 * schemaVersion, position, timestamp} (ISO-8601 UTC), {@code data}, and {@code metadata}
 * holding {@code userId, correlationId, causationId} next to the free extra entries.
 */
public final class EnvelopeJson {
    private static final String USER_ID = "userId";
    private static final String CORRELATION_ID = "correlationId";
    private static final String CAUSATION_ID = "causationId";
    private static final Set<String> NAMED_METADATA = Set.of(USER_ID, CORRELATION_ID, CAUSATION_ID);

    private EnvelopeJson() {
    }

    public static ObjectNode toNode(EventEnvelope e) {
        ObjectNode node = Json.object();
        node.put("eventId", e.eventId());
        node.put("eventType", e.eventType());
        node.put("aggregateType", e.aggregateType());
        node.put("aggregateId", e.aggregateId());
        node.put("streamId", e.streamId());
        node.put("version", e.version());
        node.put("schemaVersion", e.schemaVersion());
        node.put("position", e.position());
        node.put("timestamp", e.timestamp().toString());
        node.set("data", e.data());
        ObjectNode metadata = node.putObject("metadata");
        metadata.put(USER_ID, e.metadata().userId());
        metadata.put(CORRELATION_ID, e.metadata().correlationId());
        metadata.put(CAUSATION_ID, e.metadata().causationId());
        // sorted: the same event always gives the same bytes (extra itself has no order)
        new TreeMap<>(e.metadata().extra()).forEach((key, value) -> {
            if (!NAMED_METADATA.contains(key)) {
                metadata.put(key, value);
            }
        });
        return node;
    }

    /** One line of NDJSON (without the line break). */
    public static String write(EventEnvelope e) {
        return Json.write(toNode(e));
    }

    /**
     * Reads the shape back. eventId, eventType, streamId, timestamp and data are required;
     * aggregateType and aggregateId default to what the stream id implies, version and position
     * to 0 (not stored yet), schemaVersion to 1.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static EventEnvelope fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object");
        }
        String streamId = requiredText(node, "streamId");
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("'data' must be a JSON object");
        }
        return new EventEnvelope(
                requiredText(node, "eventId"),
                requiredText(node, "eventType"),
                optionalText(node, "aggregateType", StreamIds.aggregateType(streamId)),
                optionalText(node, "aggregateId", StreamIds.aggregateId(streamId)),
                streamId,
                optionalLong(node, "version", 0),
                (int) optionalLong(node, "schemaVersion", 1),
                optionalLong(node, "position", 0),
                timestamp(requiredText(node, "timestamp")),
                data,
                metadata(node.get("metadata")));
    }

    private static Metadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return Metadata.EMPTY;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("'metadata' must be a JSON object");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!NAMED_METADATA.contains(field.getKey()) && !field.getValue().isNull()) {
                JsonNode value = field.getValue();
                extra.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return new Metadata(optionalText(node, USER_ID, null), optionalText(node, CORRELATION_ID, null),
                optionalText(node, CAUSATION_ID, null), extra);
    }

    private static Instant timestamp(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'timestamp' must be an ISO-8601 UTC instant such as "
                    + "2024-05-01T12:00:00Z, was '" + text + "'");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static long optionalLong(JsonNode node, String field, long fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return value.asLong();
    }
}
