package io.eventscope.app.events;

import io.eventscope.app.EventAt;
import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.store.EventStore;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The selected event's whole envelope, read in the background; a detail that arrives after the selection moved on is dropped. */
final class DetailLoader {
    private final TaskExecutor tasks;
    private final Supplier<EventStore> store;
    private final Supplier<EventRow> selected;
    private final ReadOnlyObjectWrapper<EventDetail> detail = new ReadOnlyObjectWrapper<>();

    DetailLoader(TaskExecutor tasks, Supplier<EventStore> store, Supplier<EventRow> selected) {
        this.tasks = tasks;
        this.store = store;
        this.selected = selected;
    }

    void load(EventRow row) {
        if (row == null) {
            detail.set(null);
            return;
        }
        EventStore from = store.get();
        long position = row.position();
        tasks.run(progress -> EventDetail.of(EventAt.read(from, position)), d -> {
            EventRow now = selected.get();
            if (now != null && now.position() == position) {
                detail.set(d);
            }
        });
    }

    void clear() {
        detail.set(null);
    }

    ReadOnlyObjectProperty<EventDetail> detail() {
        return detail.getReadOnlyProperty();
    }
}
