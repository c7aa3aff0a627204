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
import java.util.ArrayList;
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
            commit(events, events.get(events.size() - 1).position());
        } catch (SQLException | RuntimeException batchFailure) {
            for (EventEnvelope e : events) {
                try {
                    commit(List.of(e), e.position());
                } catch (SQLException | RuntimeException failure) {
                    throw new EventFailure(e, failure);
                }
            }
        }
    }

    /**
     * Applies what matches {@code filter} (and the projection's own streams) after the
     * checkpoint up to {@code upTo}, or up to the head when that comes first, page by page,
     * reporting the checkpoint of {@code total}; then moves the checkpoint to that end, past
     * the events it had no need to read. False when cancelled between pages.
     */
    boolean catchUp(EventStore store, EventFilter filter, long upTo, long total, ProgressMonitor progress)
            throws EventFailure {
        long end = Math.min(upTo, store.headPosition());
        EventFilter reading = filter.streamPattern() == null && projection.streams() != null
                ? filter.withStreamPattern(projection.streams()) : filter;
        while (!progress.isCancelled()) {
            List<EventEnvelope> page = store.read(reading, checkpoint + 1, PAGE, Direction.FORWARDS);
            int wanted = 0;
            while (wanted < page.size() && page.get(wanted).position() <= end) {
                wanted++;
            }
            apply(page.subList(0, wanted));
            if (wanted < PAGE) {
                if (checkpoint < end) {
                    moveCheckpoint(end);
                }
                progress.progress(Math.min(checkpoint, total), total);
                return true;
            }
            progress.progress(Math.min(checkpoint, total), total);
        }
        return false;
    }

    private void moveCheckpoint(long to) {
        try {
            commit(List.of(), to);
        } catch (SQLException | RuntimeException e) {
            throw new ProjectionException("Could not move the checkpoint of " + generation.schema() + " to " + to
                    + ": " + e.getMessage(), e);
        }
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

    /** Applies {@code events} and moves the checkpoint to {@code last} (at or after the last of them), in one transaction. */
    private void commit(List<EventEnvelope> events, long last) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                c.setSchema(generation.schema());
                List<EventEnvelope> handled = new ArrayList<>(events.size());
                for (EventEnvelope e : events) {
                    if (e.position() <= checkpoint) {
                        throw new IllegalStateException(projection.name() + " was handed position " + e.position()
                                + ", at or before its checkpoint " + checkpoint);
                    }
                    if (!skipped.contains(e.position()) && projection.handles(e)) {
                        handled.add(e);
                    }
                }
                try (Rows rows = new Rows(c)) {
                    projection.applyAll(handled, rows);
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
