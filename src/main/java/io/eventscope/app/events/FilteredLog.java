package io.eventscope.app.events;

import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * The log as the Events table reads it under one filter: which positions match (the scan),
 * and the rows of a page of them (the pages the table asks for).
 */
final class FilteredLog {
    private FilteredLog() {
    }

    /** The matching positions up to the head the scan started from. */
    record Found(RowPositions positions, long head) {
    }

    /**
     * Unfiltered, only the head is needed; filtered, every matching position up to the head,
     * from the store's indexes. Off the FX thread.
     */
    static Found scan(EventStore store, EventFilter filter) {
        long head = store.headPosition();
        if (filter.matchesEverything()) {
            return new Found(RowPositions.contiguous(head), head);
        }
        long[] matching = store.positions(filter, 1, head);
        return new Found(RowPositions.listed(matching, matching.length), head);
    }

    /**
     * Reads the table's pages in the background; {@code onRows} sees every page's rows on the FX
     * thread before the table does. Filtered, a page is read by the positions its rows show: no
     * filter runs again.
     */
    static EventRowList.PageLoader pages(TaskExecutor tasks, EventStore store, EventFilter filter, RowPositions positions,
                                         Consumer<List<EventSummary>> onRows) {
        return (fromPosition, count, onLoaded, onFailed) -> {
            long[] shown = filter.matchesEverything() ? null : positions.slice(fromPosition, count);
            Task<List<EventSummary>> page = tasks.run(
                    progress -> shown == null
                            ? store.readRaw(filter, fromPosition, count).stream().map(EventSummary::of).toList()
                            : store.eventsAt(shown).stream().map(EventSummary::of).toList(),
                    rows -> {
                        onRows.accept(rows);
                        onLoaded.accept(rows);
                    });
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> onFailed.run());
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> onFailed.run());
        };
    }
}
