package io.eventscope.app.events;

import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The event types the type picker offers. The store has no list of its types and reading a
 * million events for one costs seconds of CPU, so the picker starts from a sample of both ends
 * of the log and grows with every page read and every event that arrives.
 */
final class KnownTypes {
    static final int TYPE_SAMPLE = 5_000;

    private final TaskExecutor tasks;
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private EventStore sampled;

    KnownTypes(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Samples {@code store} once; called after the first rows are shown, so the sample never delays them. */
    void sampleOnce(EventStore store) {
        if (sampled != store) {
            sampled = store;
            tasks.run(progress -> sample(store), found -> {
                if (sampled == store) {
                    add(found);
                }
            });
        }
    }

    private static Set<String> sample(EventStore store) {
        Set<String> found = new HashSet<>();
        store.read(EventFilter.ALL, 1, TYPE_SAMPLE, Direction.FORWARDS).forEach(e -> found.add(e.eventType()));
        store.read(EventFilter.ALL, Long.MAX_VALUE, TYPE_SAMPLE, Direction.BACKWARDS)
                .forEach(e -> found.add(e.eventType()));
        return found;
    }

    void add(Collection<String> seen) {
        TreeSet<String> merged = new TreeSet<>(types);
        if (merged.addAll(seen)) {
            types.setAll(merged);
        }
    }

    /** Another store: its types are sampled afresh. */
    void clear() {
        sampled = null;
        types.clear();
    }

    ObservableList<String> types() {
        return types;
    }
}
