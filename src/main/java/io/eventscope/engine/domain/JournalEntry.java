package io.eventscope.engine.domain;

import java.util.List;

/**
 * One journaled command: the command as issued, how it ended, why it was refused (null when
 * accepted), the stream it addressed (null when it never got that far) and the ids of the
 * events it produced, in order.
 */
public record JournalEntry(
        CommandEnvelope command,
        CommandStatus status,
        String reason,
        String streamId,
        List<String> eventIds) {

    public JournalEntry {
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    public String commandId() {
        return command.commandId();
    }
}
