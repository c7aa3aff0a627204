package io.eventscope.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
}
