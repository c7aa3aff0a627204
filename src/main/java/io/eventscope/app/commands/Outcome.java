package io.eventscope.app.commands;

import java.util.List;

/**
 * What became of a submitted command, as the result pane shows it.
 *
 * @param reason why it was refused, null when accepted
 */
public record Outcome(String commandName, String commandId, String correlationId, boolean accepted, String reason,
                      List<ProducedEvent> events) {

    public Outcome {
        events = List.copyOf(events);
    }

    /** One event the command produced: enough to list it, and its JSON to read. */
    public record ProducedEvent(long position, String eventType, String streamId, long version, String json) {
    }
}
