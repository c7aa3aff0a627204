package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
            commit(events, events.get(events.size() - 1).position());
        } catch (GenerationRetired retired) {
            throw retired;
        } catch (SQLException | RuntimeException batchFailure) {
            for (EventEnvelope e : events) {
                try {
                    commit(List.of(e), e.position());
                } catch (GenerationRetired retired) {
                    throw retired;
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
        if (progress.isCancelled()) {
            return false;
        }
        long end = Math.min(upTo, store.headPosition());
        EventFilter reading = filter.streamPattern() == null && projection.streams() != null
                ? filter.withStreamPattern(projection.streams()) : filter;
        // the next page is read while this one's rows are written (LogPages reads one page ahead)
        LogPages.forEach(store, reading, checkpoint + 1, PAGE, page -> {
            int wanted = 0;
            while (wanted < page.size() && page.get(wanted).position() <= end) {
                wanted++;
            }
            apply(page.subList(0, wanted));
            progress.progress(Math.min(checkpoint, total), total);
            return wanted == page.size() && !progress.isCancelled();
        });
        if (checkpoint < end) {
            if (progress.isCancelled()) {
                return false;
            }
            advanceCheckpoint(end);
        }
        progress.progress(Math.min(checkpoint, total), total);
        return true;
    }

    private void advanceCheckpoint(long to) {
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

    /** Applies {@code events} and moves the checkpoint to {@code last} (at or after the last of them), in one transaction. */
    private void commit(List<EventEnvelope> events, long last) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long committed = lockCheckpoint(c);
                if (committed < checkpoint) {
                    throw new IllegalStateException("the checkpoint of " + projection.name() + " generation "
                            + generation.number() + " moved back under its writer, to " + committed);
                }
                c.setSchema(generation.schema());
                List<EventEnvelope> handled = new ArrayList<>(events.size());
                for (EventEnvelope e : events) {
                    // at or before the committed checkpoint: applied already, by this writer or another's
                    if (e.position() > committed && !skipped.contains(e.position()) && projection.handles(e)) {
                        handled.add(e);
                    }
                }
                try (Rows rows = new Rows(c)) {
                    projection.applyAll(handled, rows);
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
