package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Applies events to one generation of a read model. Each call is one transaction holding
 * the rows and the new checkpoint: a crash never applies an event twice or skips one. The
 * transaction first locks the checkpoint's row, so writers of several processes on a shared
 * store take turns; events another one applied meanwhile are passed over.
 */
final class GenerationWriter {
    private static final int PAGE = 2_000;

    private final Database db;
    private final ReadModelSql sql;
    private final Projection projection;
    private final Generation generation;
    private final Set<Long> skipped;
    private volatile long checkpoint;

    GenerationWriter(Database db, ReadModelSql sql, Projection projection, Generation generation, long checkpoint,
                     Set<Long> skipped) {
        this.db = db;
        this.sql = sql;
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
        } catch (GenerationRetired retired) {
            throw retired;
        } catch (SQLException | RuntimeException batchFailure) {
            for (EventEnvelope e : events) {
                try {
                    commit(List.of(e));
                } catch (GenerationRetired retired) {
                    throw retired;
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
                s.executeUpdate("UPDATE " + sql.storeTable("projection_checkpoints") + " SET position = 0 WHERE projection = '"
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
                long committed = lockCheckpoint(c);
                if (committed < checkpoint) {
                    throw new IllegalStateException("the checkpoint of " + projection.name() + " generation "
                            + generation.number() + " moved back under its writer, to " + committed);
                }
                c.setSchema(generation.schema());
                try (Rows rows = new Rows(c)) {
                    for (EventEnvelope e : events) {
                        // at or before the committed checkpoint: applied already, by this writer or another's
                        if (e.position() > committed && !skipped.contains(e.position()) && projection.handles(e)) {
                            projection.apply(e, rows);
                        }
                    }
                }
                if (last > committed) {
                    moveCheckpoint(c, last);
                }
                c.commit();
                checkpoint = Math.max(last, committed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setSchema(sql.storeSchema());
                c.setAutoCommit(true);
            }
        }
    }

    /** The committed checkpoint, its row locked until this transaction ends: ahead of ours when another process wrote. */
    private long lockCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT position FROM " + sql.storeTable("projection_checkpoints")
                + " WHERE projection = ? AND generation = ? FOR UPDATE")) {
            s.setString(1, projection.name());
            s.setInt(2, generation.number());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new GenerationRetired(generation);
                }
                return rs.getLong(1);
            }
        }
    }

    private void moveCheckpoint(Connection c, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + sql.storeTable("projection_checkpoints")
                + " SET position = ? WHERE projection = ? AND generation = ?")) {
            s.setLong(1, position);
            s.setString(2, projection.name());
            s.setInt(3, generation.number());
            s.executeUpdate();
        }
    }
}
