package io.eventscope.app.timeline;

import io.eventscope.engine.timeline.FieldChange;

/** One event that changed the blamed field: clicking it jumps there. */
public record BlameRow(long version, String eventType, String before, String after) {

    static BlameRow of(FieldChange change) {
        return new BlameRow(change.event().version(), change.event().eventType(),
                ValueText.of(change.before()), ValueText.of(change.after()));
    }

    @Override
    public String toString() {
        return "v" + version + "  " + eventType + ":  " + before + " → " + after;
    }
}
