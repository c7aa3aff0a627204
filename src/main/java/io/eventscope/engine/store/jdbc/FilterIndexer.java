package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.RawEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the filter index (V16: counters, time blocks, words) behind the log, on a thread of
 * its own: appends never write it, so a single append costs what it did without it. Whole
 * {@link PositionBlocks} only, a batch per transaction that also moves {@code indexed_to}, so
 * after any crash the index holds exactly the blocks up to its checkpoint and the next run
 * goes on from there. Readers use the index up to the checkpoint and read the events after it
 * (see {@link FilterPositions}): the two always add up to the log. Indexers of several stores
 * on one database (other processes on PostgreSQL) take turns on the checkpoint's row lock.
 */
final class FilterIndexer implements AutoCloseable {
    static final String INDEXED_TO = "SELECT indexed_to FROM event_index";
    private static final String LOCK = "SELECT indexed_to FROM event_index FOR UPDATE";
    private static final String MOVE = "UPDATE event_index SET indexed_to = ?";
    /** Events per transaction: one epoch of the word index. */
    private static final int BATCH = TextIndex.EPOCH;
    /**
     * Index as soon as a whole epoch waits; fewer wait for a quiet moment. A part of an epoch
     * indexed now has its pages written again with the rest: dead space in an H2 file.
     */
    private static final int EAGER = BATCH;
    /** Events arriving per poll that mark a bulk load: indexing waits for it to pause. */
    private static final int BULK_PER_POLL = 500;
    /** Indexing waits for no load once this many events wait: readers would read too many. */
    private static final int MOST_BEHIND = 50_000;
    /** A backlog this large (a store from an older release) is worth a line in the log. */
    private static final int LOGGED_BACKLOG = 100_000;
    private static final long POLL_MILLIS = 200;
    private static final long RETRY_MILLIS = 5_000;

    private final Database db;
    private final Lock writes;
    private final Object sleep = new Object();
    private final Thread thread;
    private volatile boolean closed;
    /** Set by {@link #hurry}: someone waits for the index, so the next poll indexes whatever waits. */
    private volatile boolean hurried;
    /** The file's housekeeping for the indexer's own commits; made with the first connection. */
    private FileHousekeeping housekeeping;
    /** Set once indexing fails, so a lasting failure is logged once, not every poll. */
    private boolean failing;

    private FilterIndexer(Database db, Lock writes) {
        this.db = db;
        this.writes = writes;
        this.thread = new Thread(this::run, "filter-index " + db.describe());
        thread.setDaemon(true);
    }

    /** Starts indexing in the background until closed; {@code writes} is the lock the store's appends commit under. */
    static FilterIndexer start(Database db, Lock writes) {
        FilterIndexer indexer = new FilterIndexer(db, writes);
        indexer.thread.start();
        return indexer;
    }

    /**
     * Indexes every whole block waiting at once, not waiting for a bulk load to pause: the
     * caller waits for the index (a bulk writer about to exit leaves its store indexed).
     */
    void hurry() {
        synchronized (sleep) {
            hurried = true;
            sleep.notifyAll();
        }
    }

    private void run() {
        long seenHead = -1;
        while (!closed) {
            pause(POLL_MILLIS);
            boolean urgent = hurried;
            hurried = false;
            try (Connection c = db.connection()) {
                long head = queryLong(c, EventsSql.HEAD);
                long waiting = PositionBlocks.wholeUpTo(head) - queryLong(c, INDEXED_TO);
                long arrived = seenHead < 0 ? 0 : head - seenHead;
                seenHead = head;
                boolean quiet = arrived == 0;
                // a bulk load (import, generate, a batch of commands) gets the machine to itself
                // until it pauses, or until the unindexed part grows too long to read quickly
                boolean bulk = arrived >= BULK_PER_POLL;
                if ((urgent && waiting > 0) || waiting >= MOST_BEHIND
                        || (!bulk && (waiting >= EAGER || (waiting > 0 && quiet)))) {
                    if (waiting >= LOGGED_BACKLOG) {
                        log().info("Indexing {} events of {} for filters, in the background", waiting, db.describe());
                    }
                    if (housekeeping == null) {
                        housekeeping = FileHousekeeping.of(c, db.url());
                    }
                    indexUpTo(c, db.dialect(), head, () -> closed, writes, housekeeping::afterCommit);
                }
                failing = false;
            } catch (SQLException | RuntimeException e) {
                if (!closed && !failing) {
                    log().warn("Could not index the events of {} for filters (filters still answer, reading what is"
                            + " not indexed); retrying every {} s: {}", db.describe(), RETRY_MILLIS / 1000,
                            Database.rootMessage(e));
                }
                failing = true;
                pause(RETRY_MILLIS);
            }
        }
    }

    /**
     * Indexes the whole blocks up to {@code upTo}, a batch per transaction, until done or
     * {@code stop} says so; returns the checkpoint reached.
     */
    static long indexUpTo(Connection c, Dialect dialect, long upTo, BooleanSupplier stop, Lock writes,
                          Runnable afterCommit) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement(LOCK);
             PreparedStatement move = c.prepareStatement(MOVE);
             PreparedStatement read = c.prepareStatement(EventsSql.EVENTS_BETWEEN);
             PreparedStatement words = c.prepareStatement(TextIndex.INSERT);
             PreparedStatement times = c.prepareStatement(TimeBlocks.INSERT)) {
            EventCounts counts = new EventCounts(c);
            long end = PositionBlocks.wholeUpTo(upTo);
            while (true) {
                long from = queryLong(lock);
                long to = Math.min(end, (from / BATCH + 1) * BATCH); // whole epochs, so each epoch's pages are written once
                if (to <= from || stop.getAsBoolean()) {
                    c.commit();
                    return from;
                }
                List<RawEvent> events = read(dialect, read, from + 1, to);
                if (events.size() != to - from) {
                    throw new IllegalStateException("positions " + (from + 1) + " to " + to + " hold " + events.size()
                            + " events: the log has a gap");
                }
                TimeBlocks.addRows(dialect, times, events);
                TextIndex.addRows(words, events);
                // Appends wait while the rows go in: an H2 commit writes every page changed so
                // far, this transaction's too, so a commit between two inserts would write the
                // word pages again and again (dead space in the file).
                writes.lock();
                try {
                    counts.add(events);
                    times.executeBatch();
                    words.executeBatch();
                    move.setLong(1, to);
                    move.executeUpdate();
                    c.commit();
                } finally {
                    writes.unlock();
                }
                afterCommit.run();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<RawEvent> read(Dialect dialect, PreparedStatement read, long from, long to)
            throws SQLException {
        read.setLong(1, from);
        read.setLong(2, to);
        List<RawEvent> events = new ArrayList<>();
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                events.add(EventRows.readRaw(dialect, rs));
            }
        }
        return events;
    }

    /**
     * Fetched when there is something to log, not held in a field: every store opens an indexer,
     * and starting logging would cost a short command a good part of its start-up.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(FilterIndexer.class);
    }

    private void pause(long millis) {
        synchronized (sleep) {
            if (!closed && !hurried) {
                try {
                    sleep.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            return queryLong(s);
        }
    }

    private static long queryLong(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops after the batch in progress (never interrupting: an interrupt closes H2's file), and waits for it. */
    @Override
    public void close() {
        synchronized (sleep) {
            closed = true;
            sleep.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
