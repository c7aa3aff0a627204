package io.eventscope.app.events;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.LogPages;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * The log as the Events table reads it under one filter: which positions match (the scan),
 * and the rows of a page of them (the pages the table asks for).
 */
final class FilteredLog {
    private static final int SCAN_CHUNK = 10_000;

    private FilteredLog() {
    }

    /** The matching positions up to the head the scan started from. */
    record Found(RowPositions positions, long head) {
    }

    /** Unfiltered, only the head is needed; filtered, every matching position up to the head. Off the FX thread. */
    static Found scan(EventStore store, EventFilter filter, BackgroundWork.Progress progress) {
        long head = store.headPosition();
        if (filter.matchesEverything()) {
            return new Found(RowPositions.contiguous(head), head);
        }
        RowPositions matching = RowPositions.listed(new long[64], 0);
        LogPages.forEach(store, filter, 1, SCAN_CHUNK, page -> {
            for (EventEnvelope e : page) {
                if (e.position() > head) {
                    return false;
                }
                matching.append(e.position());
            }
            if (progress.isCancelled()) {
                throw new CancellationException("filter changed");
            }
            progress.update(page.get(page.size() - 1).position(), head);
            return true;
        });
        return new Found(matching, head);
    }

    /**
     * Reads the table's pages in the background; {@code onRows} sees every page's rows on the FX
     * thread before the table does.
     */
    static EventRowList.PageLoader pages(TaskExecutor tasks, EventStore store, EventFilter filter,
                                         Consumer<List<EventSummary>> onRows) {
        return (fromPosition, count, onLoaded, onFailed) -> {
            Task<List<EventSummary>> page = tasks.run(
                    progress -> store.readRaw(filter, fromPosition, count).stream().map(EventSummary::of).toList(),
                    rows -> {
                        onRows.accept(rows);
                        onLoaded.accept(rows);
                    });
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> onFailed.run());
            page.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> onFailed.run());
        };
    }
}
