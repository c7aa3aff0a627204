package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.Frame;
import java.util.List;

/** A frame as a scrubber shows it: a title, the state as a tree with the event's changes marked, and the changes. Built off the FX thread. */
public record ShownFrame(long version, String title, StateNode state, List<ChangeRow> changes) {

    public ShownFrame {
        changes = List.copyOf(changes);
    }

    public static ShownFrame of(Frame frame) {
        String title = frame.event() == null ? "v0 · initial state"
                : "v" + frame.version() + " · " + frame.event().eventType() + " · " + EventItem.of(frame.event()).time();
        return new ShownFrame(frame.version(), title, StateNode.of(frame.state(), frame.changedPaths()),
                ChangeRow.of(frame));
    }
}
