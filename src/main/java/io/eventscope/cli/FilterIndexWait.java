package io.eventscope.cli;

import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.JdbcEventStore;
import java.time.Duration;

/**
 * What a bulk writer (generate, import, copy) does before it reports done: waits for the filter
 * index to take in what it wrote. The store's indexer leaves a bulk load alone until it pauses,
 * so a command that exits right away would leave tens of thousands of events unindexed, and the
 * next process's {@code stats} or filtered {@code read} would read them all until its own
 * indexer caught up.
 */
final class FilterIndexWait {
    /** Far beyond what indexing a million events takes; past it the command exits anyway (filters stay exact). */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private FilterIndexWait() {
    }

    static void awaitIndexed(EventStore store) {
        if (store instanceof JdbcEventStore jdbc) {
            try {
                jdbc.awaitFilterIndex(PATIENCE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
