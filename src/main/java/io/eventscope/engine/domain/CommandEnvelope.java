package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command as it travels and is journaled: its type name, its payload as JSON (turned into
 * the command record by the handler), who issued it and why. A missing command id or
 * correlation id is generated; a root command has no causation id.
 */
public record CommandEnvelope(
        String commandId,
        String commandType,
        JsonNode payload,
        String userId,
        String correlationId,
        String causationId,
        Instant timestamp) {

    public CommandEnvelope {
        Objects.requireNonNull(commandType, "commandType");
        commandId = blank(commandId) ? UUID.randomUUID().toString() : commandId;
        correlationId = blank(correlationId) ? UUID.randomUUID().toString() : correlationId;
        payload = payload == null ? Json.object() : payload;
        timestamp = timestamp == null ? Instant.now() : timestamp;
    }

    /** A root command, issued by a person or a tool. */
    public static CommandEnvelope of(String commandType, JsonNode payload, String userId, String correlationId) {
        return new CommandEnvelope(null, commandType, payload, userId, correlationId, null, null);
    }

    /**
     * A command issued in reaction to an event (a saga step, a policy): it joins the event's
     * correlation and names the event as its cause, so its chain leads back to the root command.
     */
    public static CommandEnvelope causedBy(EventEnvelope cause, String commandType, JsonNode payload) {
        return new CommandEnvelope(null, commandType, payload, cause.metadata().userId(),
                cause.correlationId(), cause.eventId(), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
