package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Applies events to one generation of a read model. Each call is one transaction holding
 * the rows and the new checkpoint, and the checkpoint only moves from the value this writer
 * last committed: a crash never applies an event twice or skips one.
 */
final class GenerationWriter {
    private static final String MOVE_CHECKPOINT = "UPDATE public.projection_checkpoints SET position = ?"
            + " WHERE projection = ? AND generation = ? AND position = ?";

    private static final int PAGE = 2_000;

    private final Database db;
    private final Projection projection;
    private final Generation generation;
    private final Set<Long> skipped;
    private volatile long checkpoint;

    GenerationWriter(Database db, Projection projection, Generation generation, long checkpoint, Set<Long> skipped) {
        this.db = db;
        this.projection = projection;
        this.generation = generation;
        this.checkpoint = checkpoint;
        this.skipped = skipped;
    }

    long checkpoint() {
        return checkpoint;
    }

    Generation generation() {
        return generation;
    }

    /**
     * Applies the events (in position order, all after the checkpoint) in one transaction; if
     * that fails, one transaction per event, so everything before the failing event is kept.
     */
    void apply(List<EventEnvelope> events) throws EventFailure {
        if (events.isEmpty()) {
            return;
        }
        try {
            commit(events);
        } catch (SQLException | RuntimeException batchFailure) {
            for (EventEnvelope e : events) {
                try {
                    commit(List.of(e));
                } catch (SQLException | RuntimeException failure) {
                    throw new EventFailure(e, failure);
                }
            }
        }
    }

    /**
     * Reads the events matching {@code filter} after the checkpoint up to {@code upTo} and
     * applies them page by page, reporting the checkpoint of {@code total}; false when
     * cancelled between pages.
     */
    boolean catchUp(EventStore store, EventFilter filter, long upTo, long total, ProgressMonitor progress)
            throws EventFailure {
        while (!progress.isCancelled()) {
            List<EventEnvelope> page = store.read(filter, checkpoint + 1, PAGE, Direction.FORWARDS);
            int end = 0;
            while (end < page.size() && page.get(end).position() <= upTo) {
                end++;
            }
            if (end == 0) {
                return true;
            }
            apply(page.subList(0, end));
            progress.progress(Math.min(checkpoint, total), total);
        }
        return false;
    }

    /** Empties the generation's tables and sets its checkpoint to 0, in one transaction. */
    void reset() throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String table : ShadowCheck.tables(c, generation.schema())) {
                    s.executeUpdate("DELETE FROM " + generation.schema() + "." + table);
                }
                s.executeUpdate("UPDATE public.projection_checkpoints SET position = 0 WHERE projection = '"
                        + projection.name() + "' AND generation = " + generation.number());
                c.commit();
                checkpoint = 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void commit(List<EventEnvelope> events) throws SQLException {
        long last = events.get(events.size() - 1).position();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                c.setSchema(generation.schema());
                try (Rows rows = new Rows(c)) {
                    for (EventEnvelope e : events) {
                        if (e.position() <= checkpoint) {
                            throw new IllegalStateException(projection.name() + " was handed position " + e.position()
                                    + ", at or before its checkpoint " + checkpoint);
                        }
                        if (!skipped.contains(e.position()) && projection.handles(e)) {
                            projection.apply(e, rows);
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement(MOVE_CHECKPOINT)) {
                    s.setLong(1, last);
                    s.setString(2, projection.name());
                    s.setInt(3, generation.number());
                    s.setLong(4, checkpoint);
                    if (s.executeUpdate() != 1) {
                        throw new IllegalStateException("the checkpoint of " + projection.name() + " generation "
                                + generation.number() + " moved under its writer (another process?)");
                    }
                }
                c.commit();
                checkpoint = last;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setSchema("PUBLIC");
                c.setAutoCommit(true);
            }
        }
    }
}
