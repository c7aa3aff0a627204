package io.eventscope.app.events;

import io.eventscope.engine.domain.CausationNode;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import java.util.List;

/**
 * One node of a causation tree as the Events view shows it: a journaled command (with how it
 * ended) or an event (with its stream and position), and what it caused.
 *
 * @param position the event's global position, 0 for a command
 */
public record CausationItem(String id, String type, String label, long position, List<CausationItem> children) {
    private static final String CORRELATION = "correlation";

    public CausationItem {
        children = List.copyOf(children);
    }

    public boolean isEvent() {
        return position > 0;
    }

    /** A journaled command (not an event, not the correlation above the roots): {@code id} is its command id. */
    public boolean isCommand() {
        return position == 0 && !type.equals(CORRELATION);
    }

    static CausationItem of(CausationNode node) {
        List<CausationItem> children = node.children().stream().map(CausationItem::of).toList();
        if (node.isCommand()) {
            JournalEntry c = node.command();
            String outcome = c.reason() == null ? c.status().name() : c.status().name() + ": " + c.reason();
            return new CausationItem(c.commandId(), c.command().commandType(),
                    "command " + c.command().commandType() + " · " + outcome, 0, children);
        }
        EventEnvelope e = node.event();
        return new CausationItem(e.eventId(), e.eventType(),
                e.eventType() + " · " + e.streamId() + " v" + e.version() + " · @" + e.position(), e.position(), children);
    }

    /** The root the tree view shows above a correlation's roots. */
    static CausationItem correlation(String correlationId, List<CausationNode> roots) {
        return new CausationItem(correlationId, CORRELATION, "correlation " + correlationId, 0,
                roots.stream().map(CausationItem::of).toList());
    }
}
