package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandStatus;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.IsoInstants;
import io.eventscope.engine.event.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A journal entry as one JSON line of a case file, written and read back field by field. */
public final class JournalEntryJson {
    private static final Set<String> FIELDS = Set.of("commandId", "commandType", "payload", "userId", "correlationId",
            "causationId", "timestamp", "status", "reason", "streamId", "eventIds");

    private JournalEntryJson() {
    }

    public static ObjectNode toNode(JournalEntry entry) {
        CommandEnvelope c = entry.command();
        ObjectNode node = Json.object()
                .put("commandId", c.commandId())
                .put("commandType", c.commandType());
        node.set("payload", c.payload());
        node.put("userId", c.userId())
                .put("correlationId", c.correlationId())
                .put("causationId", c.causationId())
                .put("timestamp", c.timestamp().toString())
                .put("status", entry.status().name())
                .put("reason", entry.reason())
                .put("streamId", entry.streamId());
        entry.eventIds().forEach(node.putArray("eventIds")::add);
        return node;
    }

    /** The entry a line describes, or an {@link InvalidLineException} naming the first field that is wrong. */
    public static JournalEntry read(JsonNode line) {
        if (!line.isObject()) {
            throw new InvalidLineException("expected a JSON object, found " + line.getNodeType());
        }
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidLineException("unknown field '" + name + "'");
            }
        }
        JsonNode payload = line.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new InvalidLineException("field 'payload' must be a JSON object");
        }
        Instant timestamp;
        try {
            timestamp = IsoInstants.parse(text(line, "timestamp", true));
        } catch (DateTimeParseException e) {
            throw new InvalidLineException("field 'timestamp' is not an ISO-8601 instant: " + line.get("timestamp"));
        }
        CommandStatus status;
        try {
            status = CommandStatus.valueOf(text(line, "status", true));
        } catch (IllegalArgumentException e) {
            throw new InvalidLineException("field 'status' must be one of " + List.of(CommandStatus.values()));
        }
        JsonNode ids = line.path("eventIds");
        List<String> eventIds = new ArrayList<>();
        if (!ids.isMissingNode() && !ids.isArray()) {
            throw new InvalidLineException("field 'eventIds' must be an array of event ids");
        }
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new InvalidLineException("field 'eventIds' must hold event ids (strings), found " + id);
            }
            eventIds.add(id.asText());
        }
        CommandEnvelope command = new CommandEnvelope(text(line, "commandId", true), text(line, "commandType", true),
                payload, text(line, "userId", false), text(line, "correlationId", true),
                text(line, "causationId", false), timestamp);
        return new JournalEntry(command, status, text(line, "reason", false), text(line, "streamId", false), eventIds);
    }

    private static String text(JsonNode line, String field, boolean required) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidLineException("missing field '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw new InvalidLineException("field '" + field + "' must be a non-empty string, found " + value);
        }
        return value.asText();
    }
}
