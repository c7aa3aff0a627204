package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Events as AWS EventBridge carries them.
 *
 * <p>Out: a PutEvents request entry {@code {Source, DetailType, Detail, EventBusName, Time}}.
 * DetailType is the event type, Time its timestamp, and Detail (a JSON string, as PutEvents
 * wants it) the rest of the envelope: eventId, aggregate, stream, versions, position, data and
 * metadata with its correlation and causation ids, so a consumer can rebuild the envelope.
 * PutEvents takes at most 10 entries and 256 KB per call; batching is the sender's job.
 *
 * <p>In: the event EventBridge delivers to a Lambda target
 * {@code {version, id, detail-type, source, account, time, region, resources, detail}}. A
 * detail written by {@link #toPutEventsEntry} gives back the original envelope. Any other detail
 * becomes the data of a new event, as the seed's Lambda handler maps it (type from
 * detail-type, timestamp from time), with the fields the seed leaves empty filled in: the
 * EventBridge id as event id, one stream per source ({@code eventbridge-<source>}, appended at
 * its end), and source, account, region and resources kept in the metadata's extra entries.
 */
public final class EventBridgeFormat {
    public static final String DEFAULT_BUS = "default";
    public static final String DEFAULT_SOURCE = "eventscope";
    static final String FOREIGN_AGGREGATE_TYPE = "eventbridge";

    private EventBridgeFormat() {
    }

    public static ObjectNode toPutEventsEntry(EventEnvelope e, String source, String eventBusName) {
        ObjectNode entry = Json.object();
        entry.put("Source", source);
        entry.put("DetailType", e.eventType());
        entry.put("Detail", detail(e));
        entry.put("EventBusName", eventBusName);
        entry.put("Time", e.timestamp().toString());
        return entry;
    }

    /** The envelope without the two fields the entry carries itself. */
    private static String detail(EventEnvelope e) {
        ObjectNode detail = EnvelopeJson.toNode(e);
        detail.remove("eventType");
        detail.remove("timestamp");
        return Json.write(detail);
    }

    /** The event an EventBridge delivery carries; {@link InvalidLineException} names what is missing or wrong. */
    public static ImportedEvent fromDelivery(JsonNode delivery) {
        if (!delivery.isObject()) {
            throw new InvalidLineException("expected an EventBridge event (a JSON object), found "
                    + StrictEnvelopeReader.describe(delivery));
        }
        String id = StrictEnvelopeReader.requiredText(delivery, "id");
        String type = StrictEnvelopeReader.requiredText(delivery, "detail-type");
        String source = StrictEnvelopeReader.requiredText(delivery, "source");
        Instant time = StrictEnvelopeReader.timestamp(delivery, "time");
        JsonNode detail = delivery.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new InvalidLineException("field 'detail' must be a JSON object, found "
                    + (detail == null ? "none" : StrictEnvelopeReader.describe(detail)));
        }
        if (isEnvelopeDetail(detail)) {
            return fromEnvelopeDetail(type, time, detail);
        }
        Map<String, String> extra = new HashMap<>();
        extra.put("eventbridge.source", source);
        putIfText(extra, "eventbridge.account", delivery.get("account"));
        putIfText(extra, "eventbridge.region", delivery.get("region"));
        JsonNode resources = delivery.get("resources");
        if (resources != null && resources.isArray() && !resources.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            resources.forEach(r -> joined.append(joined.length() == 0 ? "" : ",").append(r.asText()));
            extra.put("eventbridge.resources", joined.toString());
        }
        NewEvent event = new NewEvent(id, type, FOREIGN_AGGREGATE_TYPE, source, 1, time, detail,
                new Metadata(null, null, null, extra));
        return new ImportedEvent(StreamIds.of(FOREIGN_AGGREGATE_TYPE, source), 0, event);
    }

    private static boolean isEnvelopeDetail(JsonNode detail) {
        return detail.hasNonNull("eventId") && detail.hasNonNull("streamId") && detail.hasNonNull("version")
                && detail.hasNonNull("schemaVersion") && detail.has("data");
    }

    private static ImportedEvent fromEnvelopeDetail(String type, Instant time, JsonNode detail) {
        ObjectNode envelope = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = detail.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            envelope.set(field.getKey(), field.getValue());
        }
        envelope.put("eventType", type);
        envelope.put("timestamp", time.toString());
        return StrictEnvelopeReader.read(envelope);
    }

    private static void putIfText(Map<String, String> extra, String key, JsonNode value) {
        if (value != null && value.isTextual()) {
            extra.put(key, value.textValue());
        }
    }
}
