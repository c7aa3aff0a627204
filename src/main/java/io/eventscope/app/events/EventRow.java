package io.eventscope.app.events;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the Events table: its position is known at once, its columns arrive when the
 * row's page has been read (until then the cells stay empty).
 */
public final class EventRow {
    private final long position;
    private final ReadOnlyObjectWrapper<EventSummary> summary = new ReadOnlyObjectWrapper<>();

    EventRow(long position) {
        this.position = position;
    }

    EventRow(EventSummary filled) {
        this(filled.position());
        summary.set(filled);
    }

    public long position() {
        return position;
    }

    public ReadOnlyObjectProperty<EventSummary> summary() {
        return summary.getReadOnlyProperty();
    }

    public boolean isLoaded() {
        return summary.get() != null;
    }

    void fill(EventSummary loaded) {
        summary.set(loaded);
    }
}
