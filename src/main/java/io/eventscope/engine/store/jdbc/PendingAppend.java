package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.StreamAppend;
import java.util.List;

/**
 * One caller's appendAll waiting in the group-commit queue. Its outcome is set by whichever
 * caller writes the group and read by its own caller, both under the store's writer lock.
 */
final class PendingAppend {
    private final List<StreamAppend> appends;
    private final SameTransaction alongside;
    private List<AppendResult> results;
    private EventStoreException failure;
    private boolean done;

    PendingAppend(List<StreamAppend> appends, SameTransaction alongside) {
        this.appends = List.copyOf(appends);
        this.alongside = alongside;
    }

    List<StreamAppend> appends() {
        return appends;
    }

    /** What commits with these appends, or not at all. */
    SameTransaction alongside() {
        return alongside;
    }

    /** Written but not yet committed: the outcome counts only once {@link #finish()} runs. */
    void written(List<AppendResult> appendResults) {
        this.results = appendResults;
        this.failure = null; // a group written again after a lost connection
    }

    void fail(EventStoreException e) {
        this.failure = e;
        this.results = null;
    }

    void finish() {
        done = true;
    }

    boolean isDone() {
        return done;
    }

    List<AppendResult> outcome() {
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
