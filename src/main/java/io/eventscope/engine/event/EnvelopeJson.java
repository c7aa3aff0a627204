package io.eventscope.engine.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
        node.put("timestamp", IsoInstants.format(e.timestamp()));
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

    /**
     * Writes the same JSON as {@link #toNode} for the event, field by field, with the data
     * copied as the store holds it rather than parsed and written again. The data is checked
     * to be one JSON object first, so a damaged row stops the writing instead of leaving a
     * broken line.
     */
    public static void write(JsonGenerator json, RawEvent e) throws IOException {
        checkObject(e);
        json.writeStartObject();
        json.writeStringField("eventId", e.eventId());
        json.writeStringField("eventType", e.eventType());
        json.writeStringField("aggregateType", e.aggregateType());
        json.writeStringField("aggregateId", e.aggregateId());
        json.writeStringField("streamId", e.streamId());
        json.writeNumberField("version", e.version());
        json.writeNumberField("schemaVersion", e.schemaVersion());
        json.writeNumberField("position", e.position());
        json.writeStringField("timestamp", IsoInstants.format(e.timestamp()));
        json.writeFieldName("data");
        json.writeRawValue(e.data());
        json.writeObjectFieldStart("metadata");
        json.writeStringField(USER_ID, e.metadata().userId());
        json.writeStringField(CORRELATION_ID, e.metadata().correlationId());
        json.writeStringField(CAUSATION_ID, e.metadata().causationId());
        if (!e.metadata().extra().isEmpty()) {
            for (Map.Entry<String, String> entry : new TreeMap<>(e.metadata().extra()).entrySet()) {
                if (!NAMED_METADATA.contains(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Reads the data's tokens without building a tree: cheap next to parsing it. */
    private static void checkObject(RawEvent e) throws IOException {
        try (JsonParser data = Json.MAPPER.getFactory().createParser(e.data())) {
            if (data.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(data, "data is not a JSON object");
            }
            data.skipChildren();
            if (data.nextToken() != null) {
                throw new JsonParseException(data, "data holds more than one JSON value");
            }
        } catch (JsonProcessingException x) {
            throw new IOException("The event at position " + e.position() + " holds unreadable JSON data: "
                    + x.getOriginalMessage(), x);
        }
    }

    /** One line of NDJSON (without the line break). */
    public static String write(EventEnvelope e) {
        return Json.write(toNode(e));
    }
}
