package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.IsoInstants;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads one line of an import file: the {@link EnvelopeJson} shape that {@code read} and
 * {@code export} write, checked field by field so the import report can say exactly what is
 * wrong. {@code version} and {@code schemaVersion} are required (an import must say where each event goes), unknown
 * top-level fields are refused (a misspelt name is caught rather than lost), and metadata
 * entries must be strings. {@code position} is optional and ignored: the target store assigns
 * positions. {@code streamId} may be left out when aggregateType and aggregateId are given.
 */
public final class StrictEnvelopeReader {
    private static final Set<String> FIELDS = Set.of("eventId", "eventType", "aggregateType", "aggregateId",
            "streamId", "version", "schemaVersion", "position", "timestamp", "data", "metadata");
    private static final Set<String> NAMED_METADATA = Set.of("userId", "correlationId", "causationId");

    private StrictEnvelopeReader() {
    }

    /** The event a parsed line describes, or an {@link InvalidLineException} naming the first field that is wrong. */
    public static ImportedEvent read(JsonNode line) {
        if (!line.isObject()) {
            throw new InvalidLineException("expected a JSON object, found " + describe(line));
        }
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidLineException("unknown field '" + name + "'");
            }
        }
        String eventId = requiredText(line, "eventId");
        String eventType = requiredText(line, "eventType");
        String aggregateType = optionalText(line, "aggregateType");
        String aggregateId = optionalText(line, "aggregateId");
        String streamId = optionalText(line, "streamId");
        if (streamId == null) {
            if (aggregateType == null || aggregateId == null) {
                throw new InvalidLineException("missing field 'streamId' (or both 'aggregateType' and 'aggregateId')");
            }
            streamId = StreamIds.of(aggregateType, aggregateId);
        }
        long version = positiveInteger(line, "version", Long.MAX_VALUE);
        int schemaVersion = (int) positiveInteger(line, "schemaVersion", Integer.MAX_VALUE);
        if (line.hasNonNull("position")) {
            positiveInteger(line, "position", Long.MAX_VALUE);
        }
        Instant timestamp = timestamp(line, "timestamp");
        JsonNode data = line.get("data");
        if (data == null) {
            throw new InvalidLineException("missing field 'data'");
        }
        if (!data.isObject()) {
            throw new InvalidLineException("field 'data' must be a JSON object, found " + describe(data));
        }
        Metadata metadata = metadata(line.get("metadata"));
        return new ImportedEvent(streamId, version,
                new NewEvent(eventId, eventType, aggregateType, aggregateId, schemaVersion, timestamp, data, metadata));
    }

    static Metadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return Metadata.EMPTY;
        }
        if (!node.isObject()) {
            throw new InvalidLineException("field 'metadata' must be a JSON object, found " + describe(node));
        }
        Map<String, String> extra = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NAMED_METADATA.contains(field.getKey())) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw new InvalidLineException("field 'metadata." + field.getKey() + "' must be a string, found "
                        + describe(field.getValue()));
            }
            extra.put(field.getKey(), field.getValue().textValue());
        }
        return new Metadata(optionalText(node, "userId", "metadata."), optionalText(node, "correlationId", "metadata."),
                optionalText(node, "causationId", "metadata."), extra);
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidLineException("missing field '" + field + "'");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidLineException("field '" + field + "' must be a non-empty string, found " + describe(value));
        }
        return value.textValue();
    }

    static String optionalText(JsonNode node, String field) {
        return optionalText(node, field, "");
    }

    private static String optionalText(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidLineException("field '" + prefix + field + "' must be a string or null, found " + describe(value));
        }
        return value.textValue();
    }

    static long positiveInteger(JsonNode node, String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidLineException("missing field '" + field + "'");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1 || value.longValue() > max) {
            throw new InvalidLineException("field '" + field + "' must be an integer from 1 to " + max
                    + ", found " + describe(value));
        }
        return value.longValue();
    }

    static Instant timestamp(JsonNode node, String field) {
        String text = requiredText(node, field);
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidLineException("field '" + field + "' must be an ISO-8601 UTC instant like "
                    + "2026-11-20T09:15:02Z, found \"" + abbreviate(text) + "\"");
        }
    }

    /** A value as an error message shows it: its kind and, briefly, itself. */
    static String describe(JsonNode value) {
        String kind = value.isTextual() ? "string" : value.isNumber() ? "number" : value.getNodeType().toString().toLowerCase();
        String shown = value.isContainerNode() ? "" : " " + abbreviate(value.toString());
        return kind + shown;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
