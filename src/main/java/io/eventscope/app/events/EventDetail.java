package io.eventscope.app.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;

/**
 * The selected event as the detail pane shows it: a tree of the envelope (data and metadata)
 * and the same as pretty JSON for the clipboard.
 */
public record EventDetail(long position, JsonTreeNode tree, String json) {

    public static EventDetail of(EventEnvelope e) throws JsonProcessingException {
        ObjectNode envelope = envelopeJson(e);
        return new EventDetail(e.position(), JsonTreeNode.of(e.eventType() + " @" + e.position(), envelope),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope));
    }

    /** Built field by field so the stored data node is shown as it is (no number round trip). */
    private static ObjectNode envelopeJson(EventEnvelope e) {
        ObjectNode json = Json.object();
        json.put("eventId", e.eventId());
        json.put("eventType", e.eventType());
        json.put("streamId", e.streamId());
        json.put("aggregateType", e.aggregateType());
        json.put("aggregateId", e.aggregateId());
        json.put("version", e.version());
        json.put("schemaVersion", e.schemaVersion());
        json.put("position", e.position());
        json.put("timestamp", e.timestamp().toString());
        json.set("data", e.data());
        Metadata m = e.metadata();
        ObjectNode metadata = json.putObject("metadata");
        metadata.put("userId", m.userId());
        metadata.put("correlationId", m.correlationId());
        metadata.put("causationId", m.causationId());
        m.extra().forEach(metadata::put);
        return json;
    }
}
