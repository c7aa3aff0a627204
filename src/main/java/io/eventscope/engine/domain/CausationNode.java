package io.eventscope.engine.domain;

import io.eventscope.engine.event.EventEnvelope;
import java.time.Instant;
import java.util.List;

/**
 * One node of a causation tree: a journaled command (with the events it produced under it)
 * or an event (with the commands and events it caused under it). Exactly one of
 * {@code command} and {@code event} is set.
 */
public record CausationNode(JournalEntry command, EventEnvelope event, List<CausationNode> children) {

    public CausationNode {
        if ((command == null) == (event == null)) {
            throw new IllegalArgumentException("a causation node is either a command or an event");
        }
        children = List.copyOf(children);
    }

    public boolean isCommand() {
        return command != null;
    }

    /** The command id or event id. */
    public String id() {
        return isCommand() ? command.commandId() : event.eventId();
    }

    /** The command type or event type. */
    public String type() {
        return isCommand() ? command.command().commandType() : event.eventType();
    }

    public Instant timestamp() {
        return isCommand() ? command.command().timestamp() : event.timestamp();
    }

    /** The id of what caused this node, null for a root command. */
    public String causationId() {
        return isCommand() ? command.command().causationId() : event.causationId();
    }
}
